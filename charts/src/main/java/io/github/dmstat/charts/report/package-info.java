/**
 * The Drug Monitor report: {@link io.github.dmstat.charts.report.DrugMonitorReport} assembles it
 * from the caller's data (and {@link io.github.dmstat.charts.report.ReportExample example data}
 * for sections without), {@link io.github.dmstat.charts.report.ReportSpec} reads a YAML spec, and
 * the report is written as HTML with SVG, PDF, figures and CSV tables.
 */
package io.github.dmstat.charts.report;
