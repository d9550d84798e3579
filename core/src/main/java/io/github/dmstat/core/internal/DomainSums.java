package io.github.dmstat.core.internal;

/**
 * Mergeable partial sums for weighted proportions in many domains at once (internal kernel: not
 * API, may change without notice; {@link io.github.dmstat.core.survey.PrevalencePartial} is its
 * public face).
 *
 * <p>One pass over primitive columns fills, per (domain, cell), the sums needed for a
 * Taylor-linearised variance: {@code Σw} and {@code Σw·y} over rows with an observed outcome, and
 * the number of domain rows (observed or not). A cell is a PSU for clustered designs; for element
 * sampling (each row its own PSU) a cell is a stratum and the squared sums {@code Σw²} and
 * {@code Σw²·y} are kept too, so that memory stays {@code domains × strata}.
 *
 * <p>Partials over disjoint row ranges {@link #merge merge} by addition, so the same code serves
 * one thread, many threads or many machines. No allocation or boxing happens per row, and the
 * per-domain counts of missing outcomes and zero weights sit on rare branches: observed and
 * positive-weight counts are derived from the cell row counts afterwards.
 *
 * <p>Serializable (primitive arrays only), so that engines such as Spark can ship partials
 * between machines.
 */
public final class DomainSums implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** Number of domains. */
  public final int domains;
  /** Number of cells (PSUs, or strata under element sampling). */
  public final int cells;
  /** Whether squared sums are kept (element sampling). */
  public final boolean squares;
  /** Σw over observed rows, indexed {@code domain * cells + cell}. */
  public final double[] sw;
  /** Σw·y over observed rows. */
  public final double[] swy;
  /** Σw² over observed rows (element sampling only, else empty). */
  public final double[] sw2;
  /** Σw²·y over observed rows (element sampling only, else empty). */
  public final double[] sw2y;
  /** Domain rows, observed or not. */
  public final int[] rows;
  /** Rows per domain whose outcome is missing (counted on their own, rare, branch). */
  public final long[] missing;
  /** Observed rows per domain with weight zero (rare branch). */
  public final long[] zeroWeight;
  /** Rows outside every domain (a negative domain code; rare branch). */
  public long outside;

  /**
   * An empty partial (all sums and counts zero).
   *
   * @param domains number of domains; domain codes run {@code 0..domains-1}
   * @param cells number of cells per domain; cell codes run {@code 0..cells-1}
   * @param squares whether to keep {@code Σw²} and {@code Σw²·y} too (element sampling)
   * @throws IllegalArgumentException when {@code domains × cells} is too large for one array
   */
  public DomainSums(int domains, int cells, boolean squares) {
    long size = (long) domains * cells;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(domains + " domains × " + cells + " cells is too many for one partial");
    }
    this.domains = domains;
    this.cells = cells;
    this.squares = squares;
    this.sw = new double[(int) size];
    this.swy = new double[(int) size];
    this.sw2 = squares ? new double[(int) size] : new double[0];
    this.sw2y = squares ? new double[(int) size] : new double[0];
    this.rows = new int[(int) size];
    this.missing = new long[domains];
    this.zeroWeight = new long[domains];
  }

  /**
   * Rows of domain {@code d} with an observed outcome.
   *
   * @param d domain code, {@code 0..domains-1}
   * @return the domain's rows minus those with a missing outcome (zero weights included)
   */
  public long observed(int d) {
    long all = 0;
    for (int k = d * cells, end = k + cells; k < end; k++) {
      all += rows[k];
    }
    return all - missing[d];
  }

  /**
   * Observed rows of domain {@code d} with a positive weight.
   *
   * @param d domain code, {@code 0..domains-1}
   * @return {@link #observed(int)} minus the observed rows with weight 0
   */
  public long positive(int d) {
    return observed(d) - zeroWeight[d];
  }

  /**
   * Adds rows {@code [from, to)}. {@code y} holds 0, 1 or a negative value for missing;
   * {@code domain} holds codes {@code 0..domains-1} or a negative value for rows outside every
   * domain; {@code cell} holds the cell of each row.
   *
   * @param w weight of each row
   * @param y outcome of each row: 0, 1, or negative for missing
   * @param domain domain code of each row, {@code 0..domains-1}, or negative for outside every domain
   * @param cell cell code of each row, {@code 0..cells-1}
   * @param from first row to add (inclusive)
   * @param to end of the rows to add (exclusive)
   */
  public void add(double[] w, byte[] y, int[] domain, int[] cell, int from, int to) {
    final int c = cells;
    final double[] sw = this.sw;
    final double[] swy = this.swy;
    final int[] rows = this.rows;
    final long[] missing = this.missing;
    final long[] zeroWeight = this.zeroWeight;
    if (squares) {
      final double[] sw2 = this.sw2;
      final double[] sw2y = this.sw2y;
      for (int i = from; i < to; i++) {
        int d = domain[i];
        if (d < 0) {
          outside++;
          continue;
        }
        int k = d * c + cell[i];
        rows[k]++;
        int yi = y[i];
        if (yi < 0) {
          missing[d]++;
          continue;
        }
        double wi = w[i];
        double wy = wi * yi;
        double ww = wi * wi;
        sw[k] += wi;
        swy[k] += wy;
        sw2[k] += ww;
        sw2y[k] += ww * yi;
        if (wi == 0) {
          zeroWeight[d]++;
        }
      }
    } else {
      for (int i = from; i < to; i++) {
        int d = domain[i];
        if (d < 0) {
          outside++;
          continue;
        }
        int k = d * c + cell[i];
        rows[k]++;
        int yi = y[i];
        if (yi < 0) {
          missing[d]++;
          continue;
        }
        double wi = w[i];
        sw[k] += wi;
        swy[k] += wi * yi;
        if (wi == 0) {
          zeroWeight[d]++;
        }
      }
    }
  }

  /**
   * Adds {@code other} (same shape) into this partial and returns this.
   *
   * @param other a partial over other rows with the same domains, cells and {@link #squares}; left unchanged
   * @return this partial, now holding the sums of both
   * @throws IllegalArgumentException when the domains, cells or {@link #squares} differ
   */
  public DomainSums merge(DomainSums other) {
    if (other.domains != domains || other.cells != cells || other.squares != squares) {
      throw new IllegalArgumentException("cannot merge partials of shape " + other.domains + "×" + other.cells
          + " into " + domains + "×" + cells);
    }
    for (int k = 0; k < sw.length; k++) {
      sw[k] += other.sw[k];
      swy[k] += other.swy[k];
      rows[k] += other.rows[k];
    }
    for (int k = 0; k < sw2.length; k++) {
      sw2[k] += other.sw2[k];
      sw2y[k] += other.sw2y[k];
    }
    for (int d = 0; d < domains; d++) {
      missing[d] += other.missing[d];
      zeroWeight[d] += other.zeroWeight[d];
    }
    outside += other.outside;
    return this;
  }
}
