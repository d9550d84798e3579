/**
 * Reading and writing data: CSV as CBS and Dutch Excel write it ({@link
 * io.github.dmstat.core.io.Csv}, {@link io.github.dmstat.core.io.ReadOptions}), {@code .xlsx}
 * workbooks, the fast primitive {@link io.github.dmstat.core.io.Frame}, JSON ({@link
 * io.github.dmstat.core.io.Json}) and {@link io.github.dmstat.core.io.DataException}, the error
 * that names file, line, column and value.
 */
package io.github.dmstat.core.io;
