/**
 * Neighbourhood concentration: area counts and rates with exact (Garwood) and Byar intervals,
 * Lorenz curves, Gini coefficients, top-x% shares, location quotients, empirical Bayes rates, and
 * {@link io.github.dmstat.core.concentration.AreaConcentration} which runs them all with the
 * spatial statistics on one set of areas.
 */
package io.github.dmstat.core.concentration;
