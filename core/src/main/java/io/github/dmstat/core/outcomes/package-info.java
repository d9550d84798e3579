/**
 * Intervention outcomes: 2×2 effect measures (risk difference, risk ratio, odds ratio, NNT),
 * cohort and corrected re-offending rates, difference in differences with cluster-robust errors,
 * Kaplan–Meier curves and the log-rank test, meta-analysis (fixed effect, DerSimonian–Laird,
 * REML) and power; each checked against R (stats, metafor, survival).
 */
package io.github.dmstat.core.outcomes;
