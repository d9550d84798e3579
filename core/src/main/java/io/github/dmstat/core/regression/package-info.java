/**
 * Design-based regression: logistic (quasibinomial) and linear models fitted with survey weights,
 * with sandwich standard errors over the survey design, Wald tests of terms and the trend test
 * across survey years, as R {@code survey}'s {@code svyglm} and {@code regTermTest}.
 */
package io.github.dmstat.core.regression;
