package io.github.dmstat.core.outcomes;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Inverse-variance meta-analysis of per-study effects {@code yi} with sampling variances {@code vi}
 * (e.g. one study per municipality), as R {@code metafor::rma(yi, vi, method = ...)}.
 *
 * <p><b>Formulas.</b> {@code wi = 1/vi}; {@code Q = Σ wi (yi − ȳ_w)²} with {@code k − 1} df and p from
 * χ²; {@code τ²}: 0 for {@link MetaMethod#FE}, DerSimonian–Laird
 * {@code max(0, (Q − (k−1)) / (Σwi − Σwi²/Σwi))}, or REML by Fisher scoring
 * {@code τ² ← τ² + (Y'PPY − tr P) / tr(PP)}, {@code P = W − W1(1'W1)⁻¹1'W}, {@code W = diag(1/(vi+τ²))},
 * step halved to keep {@code τ² >= 0}, iterated until the change is below 1e-15 (metafor: 1e-5 by
 * default). Pooled {@code μ = Σ wi* yi / Σ wi*}, {@code se = 1/√Σwi*}, {@code wi* = 1/(vi + τ²)}; normal
 * CI {@code μ ± z·se}. Heterogeneity as metafor: for random-effects models
 * {@code I² = 100·τ²/(τ² + s²)} %, {@code H² = (τ² + s²)/s²} with the typical within-study variance
 * {@code s² = (k−1)Σwi / ((Σwi)² − Σwi²)}; for FE {@code I² = 100·max(0, (Q − (k−1))/Q)} %,
 * {@code H² = Q/(k−1)}. {@code I²} is in percent, [0, 100], as metafor, RevMan and Stata {@code metan}
 * report it. Prediction interval (RE only): {@code μ ± z·√(se² + τ²)}. References: DerSimonian &amp; Laird
 * (1986), Control. Clin. Trials 7:177–188, doi:10.1016/0197-2456(86)90046-2; Higgins &amp; Thompson
 * (2002), Stat. Med. 21:1539–1558, doi:10.1002/sim.1186; Viechtbauer (2005), J. Educ. Behav. Stat.
 * 30:261–293, doi:10.3102/10769986030003261.
 *
 * <p>Edge cases: random-effects models need {@code k >= 2}; FE needs {@code k >= 1} (with {@code k = 1}
 * Q and I² are 0, H² is 1 and the p value of Q is 1, with 0 df). Every {@code vi} must be finite and
 * {@code > 0}.
 *
 * @param measure the effect measure when the studies came from 2×2 counts
 * @param method FE, DL or REML
 * @param level confidence level
 * @param studies per-study effects and weights
 * @param estimate pooled {@code μ} (log scale for RR, OR)
 * @param se standard error of {@code μ}
 * @param z {@code μ/se}
 * @param p two-sided p value
 * @param ciLower {@code μ − z·se}
 * @param ciUpper {@code μ + z·se}
 * @param tau2 between-study variance {@code τ²}
 * @param i2 {@code I²} in percent, [0, 100]
 * @param h2 {@code H²}
 * @param q Cochran's Q
 * @param qDf {@code k − 1}
 * @param qP p value of Q
 * @param prediction prediction interval for a new study (random-effects models only)
 */
public record MetaAnalysis(Optional<Measure> measure, MetaMethod method, double level, List<Study> studies,
    double estimate, double se, double z, double p, double ciLower, double ciUpper, double tau2, double i2, double h2,
    double q, int qDf, double qP, Optional<Interval> prediction) {
  /**
   * Checks the components and copies {@code studies}.
   *
   * @param measure the effect measure, or empty when the effects were given directly; not null
   * @param method FE, DL or REML; not null
   * @param level confidence level, strictly between 0 and 1
   * @param studies per-study effects and weights, not null
   * @param estimate pooled {@code μ}, finite
   * @param se standard error of {@code μ}, finite and {@code >= 0}
   * @param z {@code μ/se} (not checked)
   * @param p two-sided p value (not checked)
   * @param ciLower lower limit (not checked)
   * @param ciUpper upper limit (not checked)
   * @param tau2 between-study variance, finite and {@code >= 0}
   * @param i2 {@code I²} in percent, [0, 100]
   * @param h2 {@code H²} (not checked)
   * @param q Cochran's Q (not checked)
   * @param qDf {@code k − 1} (not checked)
   * @param qP p value of Q (not checked)
   * @param prediction prediction interval; not null, and present for random-effects models
   * @throws IllegalArgumentException when a checked component is out of range
   */
  public MetaAnalysis {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(prediction, "prediction");
    studies = List.copyOf(studies);
    Checks.level(level);
    Checks.finite("estimate", estimate);
    Checks.finiteNonNegative("se", se);
    Checks.finiteNonNegative("tau2", tau2);
    if (!(i2 >= 0 && i2 <= 100)) {
      throw Checks.badArgument("i2", "must be a percentage in [0, 100]", i2);
    }
    if (method.isRandom() && prediction.isEmpty()) {
      throw Checks.badArgument("prediction", "must be present for a random-effects model", "empty");
    }
  }

  /**
   * A closed interval.
   *
   * @param lower lower limit
   * @param upper upper limit, {@code >= lower}
   */
  public record Interval(double lower, double upper) {
    /**
     * Checks the limits.
     *
     * @param lower lower limit
     * @param upper upper limit, {@code >= lower}
     * @throws IllegalArgumentException when {@code lower > upper} or a limit is NaN
     */
    public Interval {
      if (!(lower <= upper)) {
        throw Checks.badArgument("lower", "must be <= upper (" + upper + ")", lower);
      }
    }

    @Override
    public String toString() {
      return Stat.g(lower) + " to " + Stat.g(upper);
    }
  }

  /**
   * One study.
   *
   * @param label study label (e.g. municipality)
   * @param yi effect
   * @param vi sampling variance
   * @param weight share of the total weight {@code w*_i / Σ w*_j} in [0, 1] (metafor
   *     {@code weights()} / 100)
   * @param counts the 2×2 table when the effect came from counts
   */
  public record Study(String label, double yi, double vi, double weight, Optional<TwoByTwo> counts) {
    /**
     * Checks the components.
     *
     * @param label study label, not null
     * @param yi effect, finite
     * @param vi sampling variance, finite and {@code > 0}
     * @param weight share of the total weight (not checked)
     * @param counts the 2×2 table, or empty; not null
     * @throws IllegalArgumentException when {@code yi} or {@code vi} is out of range
     */
    public Study {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(counts, "counts");
      Checks.finite("yi", yi);
      if (!(vi > 0) || Double.isInfinite(vi)) {
        throw Checks.badArgument("vi of study '" + label + "'", "must be finite and > 0", vi);
      }
    }

    /**
     * The study's Wald interval on the analysis scale, {@code yi ± z_{1−α/2}·√vi} (metafor's
     * per-study {@code ci.lb}, {@code ci.ub}).
     *
     * @param level confidence level, e.g. 0.95
     * @return the interval on the scale of {@code yi} (log scale for RR, OR)
     */
    public Interval interval(double level) {
      double half = Stat.zLevel(level) * Math.sqrt(vi);
      return new Interval(yi - half, yi + half);
    }

    /**
     * Whether 1/2 was added to the cells of this study's table.
     *
     * @return true when the study came from counts with a zero cell
     */
    public boolean zeroCellCorrected() {
      return counts.map(TwoByTwo::hasZeroCell).orElse(false);
    }
  }

  /**
   * Back-transformed ratio {@code exp(μ)} with {@code exp} of the CI and prediction limits (RR, OR only).
   *
   * @param estimate {@code exp(μ)}
   * @param ciLower {@code exp} of the lower confidence limit
   * @param ciUpper {@code exp} of the upper confidence limit
   * @param prediction {@code exp} of the prediction interval; empty for FE
   */
  public record Ratio(double estimate, double ciLower, double ciUpper, Optional<Interval> prediction) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (CI %s to %s%s)", Stat.g(estimate), Stat.g(ciLower), Stat.g(ciUpper),
          prediction.map(pi -> ", PI " + pi).orElse(""));
    }
  }

  /**
   * Pools {@code yi, vi} of the labelled studies.
   *
   * @param labels study labels, one per study
   * @param yi effects, finite
   * @param vi sampling variances, finite and {@code > 0}
   * @param method FE, DL or REML
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the analysis, without a measure
   * @throws IllegalArgumentException when the lengths differ, a value or {@code level} is out of range, there are
   *     too few studies, or REML does not converge in 10,000 iterations
   */
  public static MetaAnalysis of(List<String> labels, double[] yi, double[] vi, MetaMethod method, double level) {
    if (labels.size() != yi.length || vi.length != yi.length) {
      throw Checks.badArgument("labels/yi/vi", "must have equal lengths", labels.size() + "/" + yi.length + "/"
          + vi.length);
    }
    return fit(Optional.empty(), labels, yi, vi, new ArrayList<>(java.util.Collections.nCopies(yi.length,
        Optional.<TwoByTwo>empty())), method, level);
  }

  /**
   * Pools 2×2 tables through escalc-equivalent {@code yi, vi} ({@link EffectSize#escalc}).
   *
   * @param labels study labels, one per table
   * @param tables the counts of each study
   * @param m the effect measure
   * @param method FE, DL or REML
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the analysis on the scale of {@code m} (log scale for RR, OR; see {@link #ratio()})
   * @throws IllegalArgumentException when the lengths differ, or as {@link #of(List, double[], double[], MetaMethod,
   *     double)}
   */
  public static MetaAnalysis fromCounts(List<String> labels, List<TwoByTwo> tables, Measure m, MetaMethod method,
      double level) {
    if (labels.size() != tables.size()) {
      throw Checks.badArgument("labels", "must have one per table (" + tables.size() + ")", labels.size());
    }
    int k = tables.size();
    double[] yi = new double[k];
    double[] vi = new double[k];
    List<Optional<TwoByTwo>> counts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] e = EffectSize.escalc(tables.get(i), m);
      yi[i] = e[0];
      vi[i] = e[1];
      counts.add(Optional.of(tables.get(i)));
    }
    return fit(Optional.of(m), labels, yi, vi, counts, method, level);
  }

  /**
   * Pools one 2×2 table per row of {@code t}; counts must be whole numbers {@code >= 0}, events
   * {@code <=} totals, totals {@code >= 1} (errors name column, row and value).
   *
   * @param t the data, one row per study
   * @param columns the study and count columns
   * @param m the effect measure
   * @param method FE, DL or REML
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the analysis on the scale of {@code m}
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, or as
   *     {@link #of(List, double[], double[], MetaMethod, double)}
   */
  public static MetaAnalysis fromCounts(Table t, CountColumns columns, Measure m, MetaMethod method, double level) {
    Column<?> s = Columns.column(t, columns.study());
    long[] a = counts(t, columns.eventsTreated());
    long[] n1 = counts(t, columns.totalTreated());
    long[] c = counts(t, columns.eventsControl());
    long[] n2 = counts(t, columns.totalControl());
    List<String> labels = new ArrayList<>();
    List<TwoByTwo> tables = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      labels.add(label(s, i));
      checkPair(columns.eventsTreated(), a[i], columns.totalTreated(), n1[i], i);
      checkPair(columns.eventsControl(), c[i], columns.totalControl(), n2[i], i);
      tables.add(new TwoByTwo(a[i], n1[i], c[i], n2[i]));
    }
    return fromCounts(labels, tables, m, method, level);
  }

  /**
   * Pools the {@code yi, vi} columns of {@code t} ({@code vi > 0}).
   *
   * @param t the data, one row per study
   * @param study name of the study label column
   * @param yi name of the effect column
   * @param vi name of the sampling variance column
   * @param method FE, DL or REML
   * @param level confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return the analysis, without a measure
   * @throws IllegalArgumentException when a column is absent, a cell is missing or invalid, or as
   *     {@link #of(List, double[], double[], MetaMethod, double)}
   */
  public static MetaAnalysis fromEffects(Table t, String study, String yi, String vi, MetaMethod method, double level) {
    Column<?> s = Columns.column(t, study);
    Column<?> y = Columns.column(t, yi);
    Column<?> v = Columns.column(t, vi);
    int k = t.rowCount();
    double[] ys = new double[k];
    double[] vs = new double[k];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      labels.add(label(s, i));
      ys[i] = Columns.number(y, i);
      if (!Double.isFinite(ys[i])) {
        throw Checks.badCell(yi, i + 1, "must be a finite number", Columns.text(y, i));
      }
      vs[i] = Columns.number(v, i);
      if (!(vs[i] > 0) || Double.isInfinite(vs[i])) {
        throw Checks.badCell(vi, i + 1, "must be a finite number > 0", Columns.text(v, i));
      }
    }
    return of(labels, ys, vs, method, level);
  }

  private static String label(Column<?> s, int i) {
    if (Columns.isMissing(s, i)) {
      throw Checks.badCell(s.name(), i + 1, "must not be empty", null);
    }
    return Columns.text(s, i);
  }

  private static void checkPair(String ev, long e, String tot, long n, int i) {
    if (n < 1) {
      throw Checks.badCell(tot, i + 1, "must be >= 1", n);
    }
    if (e > n) {
      throw Checks.badCell(ev, i + 1, "must be <= " + tot + " (" + n + ")", e);
    }
  }

  static long[] counts(Table t, String name) {
    Column<?> col = Columns.column(t, name);
    long[] out = new long[t.rowCount()];
    for (int i = 0; i < out.length; i++) {
      if (Columns.isMissing(col, i)) {
        throw Checks.badCell(name, i + 1, "must be a whole number >= 0", null);
      }
      double v = Columns.number(col, i);
      if (!(v >= 0) || v != Math.rint(v) || v > 1e15) {
        throw Checks.badCell(name, i + 1, Checks.HEAD_COUNT, Columns.text(col, i));
      }
      out[i] = (long) v;
    }
    return out;
  }

  private static MetaAnalysis fit(Optional<Measure> measure, List<String> labels, double[] yi, double[] vi,
      List<Optional<TwoByTwo>> counts, MetaMethod method, double level) {
    Objects.requireNonNull(method, "method");
    Checks.level(level);
    int k = yi.length;
    if (k < 1) {
      throw Checks.badArgument("studies", "must number at least 1", k);
    }
    if (method.isRandom() && k < 2) {
      throw Checks.badArgument("studies", "must number at least 2 for a random-effects model (" + method + ")", k);
    }
    double sw = 0;
    double sw2 = 0;
    double swy = 0;
    for (int i = 0; i < k; i++) {
      Checks.finite("yi[" + (i + 1) + "]", yi[i]);
      if (!(vi[i] > 0) || Double.isInfinite(vi[i])) {
        throw Checks.badArgument("vi of study '" + labels.get(i) + "'", "must be finite and > 0", vi[i]);
      }
      double w = 1 / vi[i];
      sw += w;
      sw2 += w * w;
      swy += w * yi[i];
    }
    double muFe = swy / sw;
    double q = 0;
    for (int i = 0; i < k; i++) {
      q += (yi[i] - muFe) * (yi[i] - muFe) / vi[i];
    }
    int df = k - 1;
    double tau2 = switch (method) {
      case FE -> 0;
      case DL -> Math.max(0, (q - df) / (sw - sw2 / sw));
      case REML -> reml(yi, vi, Math.max(0, (q - df) / (sw - sw2 / sw)));
    };
    double sws = 0;
    double swsy = 0;
    for (int i = 0; i < k; i++) {
      double w = 1 / (vi[i] + tau2);
      sws += w;
      swsy += w * yi[i];
    }
    double mu = swsy / sws;
    double se = Math.sqrt(1 / sws);
    double zval = mu / se;
    double zq = Stat.zLevel(level);
    double i2;
    double h2;
    if (method.isRandom()) {
      double s2 = df * sw / (sw * sw - sw2);
      i2 = 100 * tau2 / (tau2 + s2);
      h2 = (tau2 + s2) / s2;
    } else {
      i2 = df == 0 || q <= 0 ? 0 : 100 * Math.max(0, (q - df) / q);
      h2 = df == 0 ? 1 : q / df;
    }
    double qp = df == 0 ? 1 : ChiSquaredDistribution.of(df).survivalProbability(q);
    List<Study> studies = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      studies.add(new Study(labels.get(i), yi[i], vi[i], 1 / (vi[i] + tau2) / sws, counts.get(i)));
    }
    Optional<Interval> pi = Optional.empty();
    if (method.isRandom()) {
      double half = zq * Math.sqrt(se * se + tau2);
      pi = Optional.of(new Interval(mu - half, mu + half));
    }
    return new MetaAnalysis(measure, method, level, studies, mu, se, zval, Stat.pTwoSided(zval), mu - zq * se,
        mu + zq * se, tau2, i2, h2, q, df, qp, pi);
  }

  /** REML τ² by Fisher scoring (metafor's iteration), from {@code start}, to a change below 1e-15. */
  static double reml(double[] yi, double[] vi, double start) {
    int k = yi.length;
    double tau2 = start;
    for (int iter = 0; iter < 10_000; iter++) {
      double s = 0;
      double s2 = 0;
      double s3 = 0;
      double swy = 0;
      for (int i = 0; i < k; i++) {
        double w = 1 / (vi[i] + tau2);
        s += w;
        s2 += w * w;
        s3 += w * w * w;
        swy += w * yi[i];
      }
      double mu = swy / s;
      double ypy = 0;
      for (int i = 0; i < k; i++) {
        double w = 1 / (vi[i] + tau2);
        double r = w * (yi[i] - mu);
        ypy += r * r;
      }
      double trP = s - s2 / s;
      double trPP = s2 - 2 * s3 / s + s2 * s2 / (s * s);
      double adj = (ypy - trP) / trPP;
      while (tau2 + adj < 0) {
        adj /= 2;
      }
      double old = tau2;
      tau2 += adj;
      if (Math.abs(tau2 - old) <= 1e-15 * Math.max(1, tau2)) {
        return tau2;
      }
    }
    throw new IllegalArgumentException("REML estimate of tau² did not converge in 10000 iterations");
  }

  /**
   * {@code exp} of the pooled estimate, CI and prediction interval, for RR and OR; empty otherwise.
   *
   * @return the back-transformed ratio, or empty for RD and for effects given directly
   */
  public Optional<Ratio> ratio() {
    if (measure.isEmpty() || !measure.get().isRatio()) {
      return Optional.empty();
    }
    return Optional.of(new Ratio(Math.exp(estimate), Math.exp(ciLower), Math.exp(ciUpper),
        prediction.map(pi -> new Interval(Math.exp(pi.lower()), Math.exp(pi.upper())))));
  }

  /**
   * Per-study rows: study, yi, vi, weight, CI of yi, zero-cell correction.
   *
   * @return columns {@code study, yi, vi, weight, ciLower, ciUpper, zeroCellCorrected}; the CI at {@link #level()}
   */
  public Table toTable() {
    StringColumn lab = StringColumn.create("study");
    DoubleColumn y = DoubleColumn.create("yi");
    DoubleColumn v = DoubleColumn.create("vi");
    DoubleColumn w = DoubleColumn.create("weight");
    DoubleColumn lo = DoubleColumn.create("ciLower");
    DoubleColumn hi = DoubleColumn.create("ciUpper");
    BooleanColumn corr = BooleanColumn.create("zeroCellCorrected");
    for (Study s : studies) {
      lab.append(s.label());
      y.append(s.yi());
      v.append(s.vi());
      w.append(s.weight());
      Interval ci = s.interval(level);
      lo.append(ci.lower());
      hi.append(ci.upper());
      corr.append(s.zeroCellCorrected());
    }
    return Table.create("meta-analysis studies").addColumns(lab, y, v, w, lo, hi, corr);
  }

  /**
   * Multi-line report: studies and the pooled line.
   *
   * @return a text table of the studies (weight in percent), followed by {@link #toString()}
   */
  public String summary() {
    TextTable tt = new TextTable(List.of("study", "yi", "vi", "weight", "note"));
    for (Study s : studies) {
      tt.row(List.of(s.label(), Stat.g(s.yi()), Stat.g(s.vi()), String.format(Locale.ROOT, "%.1f%%", 100 * s.weight()),
          s.zeroCellCorrected() ? "zero cell: 1/2 added" : ""));
    }
    return tt + toString();
  }

  @Override
  public String toString() {
    String scale = measure.map(m -> m.isRatio() ? "log " + m : m.name()).orElse("yi");
    return String.format(Locale.ROOT,
        "MetaAnalysis[%s, k=%d, %s %s (%s%% CI %s to %s, p %s)%s%s, tau²=%s, I²=%.1f%%, H²=%.3f, Q=%.3f (df %d, p %s)%s]",
        method, studies.size(), scale, Stat.g(estimate), Stat.pct(level), Stat.g(ciLower), Stat.g(ciUpper), Stat.p(p),
        prediction.map(pi -> ", PI " + pi).orElse(""),
        ratio().map(r -> "; " + measure.get() + " " + r).orElse(""), Stat.g(tau2), i2, h2, q, qDf, Stat.p(qP),
        studies.stream().anyMatch(Study::zeroCellCorrected) ? "; zero-cell correction applied" : "");
  }
}
