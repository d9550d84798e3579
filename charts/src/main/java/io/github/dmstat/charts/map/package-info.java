/**
 * Maps of areas: choropleths with classified rates, hot-spot and cluster maps.
 */
package io.github.dmstat.charts.map;
