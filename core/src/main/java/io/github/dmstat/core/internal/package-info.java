/**
 * <b>Not API.</b> Kernels of the library (single-pass sums over primitive arrays, sorting of
 * indices): public only so that the library's own packages can share them; they may change in any
 * release. Use {@link io.github.dmstat.core.survey.PrevalencePartial} for the mergeable partial
 * of grouped prevalence.
 */
package io.github.dmstat.core.internal;
