/**
 * Shared building blocks of the library: binding Tablesaw columns to primitive arrays with checks
 * that name column, row and value ({@link io.github.dmstat.core.Columns}), group keys ({@link
 * io.github.dmstat.core.Group}), readable text tables ({@link io.github.dmstat.core.TextTable})
 * and enum labels for the command line.
 */
package io.github.dmstat.core;
