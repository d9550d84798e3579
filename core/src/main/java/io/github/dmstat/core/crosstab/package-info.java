/**
 * Design-based tests on two-way tables of survey data: the Rao–Scott corrected chi-square and F
 * tests and the Wald tests of independence, as R {@code survey::svychisq}.
 */
package io.github.dmstat.core.crosstab;
