/**
 * Survey-weighted prevalence: designs with strata, PSUs and finite population corrections,
 * Taylor-linearised standard errors, intervals, design effects, the key-figures table by target
 * group, standardisation, change between years and estimated users; checked against R survey.
 * {@link io.github.dmstat.core.survey.PrevalenceEstimator} is the entry point; {@link
 * io.github.dmstat.core.survey.PrevalencePartial} its mergeable partial.
 */
package io.github.dmstat.core.survey;
