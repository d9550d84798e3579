package io.github.dmstat.core.survey;

/**
 * Mergeable partial sums for weighted totals, means and ratios of continuous variables in many
 * domains at once: the kernel of {@link SurveyStatistics}.
 *
 * <p>One pass over primitive columns fills, per (domain, cell), {@code Σw}, {@code Σw·y} and
 * {@code Σw·x} over rows whose variable {@code y} (and denominator {@code x}, when there is one)
 * is observed, and the number of domain rows. A cell is a PSU for clustered designs; under element
 * sampling (each row its own PSU) a cell is a stratum and the squared sums {@code Σw²y²},
 * {@code Σw²xy} and {@code Σw²x²} are kept instead, so memory stays {@code domains × strata}. Per
 * domain it also keeps {@code Σw·y²}, for the design effect. Partials over disjoint row ranges
 * {@link #merge merge} by addition; no allocation or boxing happens per row.
 */
final class RatioSums {
  final int domains;
  final int cells;
  final boolean squares;
  /** Whether a denominator column was given (otherwise {@code x = 1}). */
  final boolean ratio;
  final double[] sw;
  final double[] swy;
  final double[] swx;
  final double[] sw2yy;
  final double[] sw2xy;
  final double[] sw2xx;
  final int[] rows;
  /** Σw·y² per domain (observed rows), for the design effect. */
  final double[] swyy;
  final long[] missing;
  final long[] zeroWeight;
  long outside;

  RatioSums(int domains, int cells, boolean squares, boolean ratio) {
    long size = (long) domains * cells;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(domains + " domains × " + cells + " cells is too many for one partial");
    }
    this.domains = domains;
    this.cells = cells;
    this.squares = squares;
    this.ratio = ratio;
    int s = (int) size;
    sw = new double[s];
    swy = new double[s];
    swx = ratio ? new double[s] : sw; // x = 1: Σw·x is Σw
    sw2yy = squares ? new double[s] : new double[0];
    sw2xy = squares ? new double[s] : new double[0];
    sw2xx = squares ? new double[s] : new double[0];
    rows = new int[s];
    swyy = new double[domains];
    missing = new long[domains];
    zeroWeight = new long[domains];
  }

  /**
   * Adds rows {@code [from, to)}: {@code y} the variable ({@code NaN} missing), {@code x} the
   * denominator ({@code NaN} missing) or {@code null} for 1, {@code domain} codes ({@code < 0}
   * outside every domain), {@code cell} the PSU or (element sampling) stratum of each row.
   */
  RatioSums add(double[] w, double[] y, double[] x, int[] domain, int[] cell, int from, int to) {
    final int c = cells;
    for (int i = from; i < to; i++) {
      int d = domain[i];
      if (d < 0) {
        outside++;
        continue;
      }
      int k = d * c + cell[i];
      rows[k]++;
      double yi = y[i];
      double xi = x == null ? 1 : x[i];
      if (Double.isNaN(yi) || Double.isNaN(xi)) {
        missing[d]++;
        continue;
      }
      double wi = w[i];
      double wy = wi * yi;
      sw[k] += wi;
      swy[k] += wy;
      if (ratio) {
        swx[k] += wi * xi;
      }
      swyy[d] += wy * yi;
      if (squares) {
        double ww = wi * wi;
        sw2yy[k] += ww * yi * yi;
        sw2xy[k] += ww * xi * yi;
        sw2xx[k] += ww * xi * xi;
      }
      if (wi == 0) {
        zeroWeight[d]++;
      }
    }
    return this;
  }

  /** Adds {@code other} (same shape, other rows) into this partial and returns this. */
  RatioSums merge(RatioSums other) {
    if (other.domains != domains || other.cells != cells || other.squares != squares || other.ratio != ratio) {
      throw new IllegalArgumentException("cannot merge partials of shape " + other.domains + "×" + other.cells
          + " into " + domains + "×" + cells);
    }
    for (int k = 0; k < sw.length; k++) {
      sw[k] += other.sw[k];
      swy[k] += other.swy[k];
      rows[k] += other.rows[k];
      if (ratio) {
        swx[k] += other.swx[k];
      }
    }
    for (int k = 0; k < sw2yy.length; k++) {
      sw2yy[k] += other.sw2yy[k];
      sw2xy[k] += other.sw2xy[k];
      sw2xx[k] += other.sw2xx[k];
    }
    for (int d = 0; d < domains; d++) {
      swyy[d] += other.swyy[d];
      missing[d] += other.missing[d];
      zeroWeight[d] += other.zeroWeight[d];
    }
    outside += other.outside;
    return this;
  }

  /** Rows of domain {@code d} (observed or not). */
  long domainRows(int d) {
    long all = 0;
    for (int k = d * cells, end = k + cells; k < end; k++) {
      all += rows[k];
    }
    return all;
  }

  /** Observed rows of domain {@code d}. */
  long observed(int d) {
    return domainRows(d) - missing[d];
  }
}
