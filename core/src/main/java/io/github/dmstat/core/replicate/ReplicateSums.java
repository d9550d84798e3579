package io.github.dmstat.core.replicate;

import java.io.Serializable;

/**
 * Mergeable partial sums of a mean or total by domain under replicate weights: per domain the
 * full-sample sums {@code Σw} and {@code Σw·y} and the observed rows, and per replicate and
 * domain {@code Σw_r} and {@code Σw_r·y}, over the rows whose variable is observed. Partials of
 * disjoint rows, filled on other threads, machines or engines, {@link #merge merge} by addition;
 * {@link ReplicateStatistics#finish} turns the merged sums into the table that
 * {@link ReplicateStatistics#estimate(io.github.dmstat.core.survey.Statistic, tech.tablesaw.api.Table,
 * ReplicateDesign, String, String, java.util.List)} gives for the same rows. Memory is
 * {@code 2 × (replicates + 1) × domains} doubles, whatever the rows.
 *
 * <p>Serializable (primitive arrays only), so that engines such as Spark can ship partials
 * between machines. Not thread-safe: fill each partial on one thread, then merge.
 */
public final class ReplicateSums implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Full-sample {@code Σw} per domain, over observed rows. */
  final double[] fw;
  /** Full-sample {@code Σw·y} per domain. */
  final double[] fy;
  /** Observed rows per domain. */
  final long[] observed;
  /** Replicate {@code Σw_r}, {@code [replicate][domain]}. */
  final double[][] rw;
  /** Replicate {@code Σw_r·y}, {@code [replicate][domain]}. */
  final double[][] ry;
  /** Rows in a domain whose variable is missing. */
  long missing;
  /** Rows outside every domain (a missing grouping value). */
  long outside;

  /**
   * Empty sums.
   *
   * @param domains the number of domains
   * @param replicates the number of replicates
   * @throws IllegalArgumentException when either is below 1
   */
  public ReplicateSums(int domains, int replicates) {
    if (domains < 1 || replicates < 1) {
      throw new IllegalArgumentException("replicate sums need a domain and a replicate, got " + domains + " and "
          + replicates);
    }
    fw = new double[domains];
    fy = new double[domains];
    observed = new long[domains];
    rw = new double[replicates][domains];
    ry = new double[replicates][domains];
  }

  /**
   * Adds one row.
   *
   * @param domain the row's domain, {@code 0..domains-1}, or negative when its grouping value is
   *     missing (counted, not summed)
   * @param weight the full-sample weight
   * @param replicateWeights the row's full replicate weights, one per replicate (read, not kept)
   * @param y the variable ({@code NaN}: missing, counted)
   * @throws IllegalArgumentException when the domain is out of range or the replicate weights
   *     have another length
   */
  public void add(int domain, double weight, double[] replicateWeights, double y) {
    if (domain < 0) {
      outside++;
      return;
    }
    if (domain >= fw.length) {
      throw new IllegalArgumentException("domain " + domain + " of " + fw.length);
    }
    if (replicateWeights.length != rw.length) {
      throw new IllegalArgumentException(replicateWeights.length + " replicate weights for " + rw.length + " replicates");
    }
    if (Double.isNaN(y)) {
      missing++;
      return;
    }
    observed[domain]++;
    fw[domain] += weight;
    fy[domain] += weight * y;
    for (int r = 0; r < replicateWeights.length; r++) {
      double wr = replicateWeights[r];
      rw[r][domain] += wr;
      ry[r][domain] += wr * y;
    }
  }

  /**
   * Adds {@code other}, sums over other rows with the same domains and replicates, into these.
   *
   * @param other the other sums; not changed
   * @return these sums
   * @throws IllegalArgumentException when the shapes differ
   */
  public ReplicateSums merge(ReplicateSums other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge sums into themselves (they would count twice)");
    }
    if (other.fw.length != fw.length || other.rw.length != rw.length) {
      throw new IllegalArgumentException("cannot merge sums of " + other.fw.length + " domains x " + other.rw.length
          + " replicates into " + fw.length + " x " + rw.length);
    }
    for (int g = 0; g < fw.length; g++) {
      fw[g] += other.fw[g];
      fy[g] += other.fy[g];
      observed[g] += other.observed[g];
    }
    for (int r = 0; r < rw.length; r++) {
      for (int g = 0; g < fw.length; g++) {
        rw[r][g] += other.rw[r][g];
        ry[r][g] += other.ry[r][g];
      }
    }
    missing += other.missing;
    outside += other.outside;
    return this;
  }

  /**
   * Adds these sums into {@code target}, domain {@code d} going to domain {@code domainMap[d]}
   * there (for engines whose partitions number the domains each in their own way); the rows
   * outside every domain and the missing values go along.
   *
   * @param target sums with the same replicates and at least the mapped domains
   * @param domainMap the target domain of each of these domains ({@code domainMap.length} of
   *     them are added; domains beyond it must be empty)
   * @return {@code target}
   * @throws IllegalArgumentException when the replicates differ, the map is longer than these
   *     domains or maps outside the target's
   */
  public ReplicateSums addInto(ReplicateSums target, int[] domainMap) {
    if (target == this) {
      throw new IllegalArgumentException("cannot add sums into themselves");
    }
    if (target.rw.length != rw.length || domainMap.length > fw.length) {
      throw new IllegalArgumentException("cannot add sums of " + fw.length + " domains x " + rw.length + " replicates by a map of "
          + domainMap.length + " into " + target.fw.length + " x " + target.rw.length);
    }
    for (int g = 0; g < domainMap.length; g++) {
      int t = domainMap[g];
      if (t < 0 || t >= target.fw.length) {
        throw new IllegalArgumentException("domain " + g + " maps to " + t + ", outside the target's " + target.fw.length);
      }
      target.fw[t] += fw[g];
      target.fy[t] += fy[g];
      target.observed[t] += observed[g];
      for (int r = 0; r < rw.length; r++) {
        target.rw[r][t] += rw[r][g];
        target.ry[r][t] += ry[r][g];
      }
    }
    target.missing += missing;
    target.outside += outside;
    return target;
  }

  /**
   * The number of domains.
   *
   * @return the domains
   */
  public int domains() {
    return fw.length;
  }

  /**
   * The number of replicates.
   *
   * @return the replicates
   */
  public int replicates() {
    return rw.length;
  }

  /**
   * The rows added so far, in a domain or not.
   *
   * @return observed, missing and outside rows
   */
  public long rows() {
    long n = missing + outside;
    for (long o : observed) {
      n += o;
    }
    return n;
  }
}
