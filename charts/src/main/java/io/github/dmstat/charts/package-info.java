/**
 * Charts of the library's results (XChart): prevalence bars with their intervals, trends, Lorenz
 * curves, rankings, forest plots, survival curves and difference in differences; exported as PNG,
 * SVG or PDF by {@link io.github.dmstat.charts.Export}. Suppressed estimates are never drawn.
 */
package io.github.dmstat.charts;
