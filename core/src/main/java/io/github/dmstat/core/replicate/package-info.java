/**
 * Replicate-weight designs: supplied replicate weights (JK1, JKn, BRR, Fay, bootstrap, with
 * {@code scale}, {@code rscales} and {@code mse}) and replicate designs made from a Taylor design
 * (jackknife JK1 and JKn, bootstrap with R's random numbers for a seed), with totals, means,
 * ratios and prevalences whose variance comes from the replicates, as R {@code survey}'s
 * {@code svrepdesign} and {@code as.svrepdesign}.
 */
package io.github.dmstat.core.replicate;
