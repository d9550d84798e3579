package io.github.dmstat.core.survey;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.Columns;
import io.github.dmstat.core.Group;
import io.github.dmstat.core.disclosure.Assessment;
import io.github.dmstat.core.disclosure.Reliability;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.internal.DomainSums;
import io.github.dmstat.core.io.ColumnType;
import io.github.dmstat.core.io.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;
import tech.tablesaw.api.Table;

/**
 * Survey-weighted prevalence of a 0/1 outcome, overall or in domains, with Taylor-linearised
 * standard errors, confidence intervals, design effects and a reliability rule.
 *
 * <p><b>Estimator.</b> In domain {@code d}, {@code p_d = Σ w_i y_i / Σ w_i} over rows of the
 * domain with an observed outcome (a ratio estimator). Its variance is linearised over the
 * <em>full</em> design: rows outside the domain, or with a missing outcome, contribute zero
 * scores but keep their PSU and stratum in the variance structure (see {@link DomainMoments};
 * R {@code svyby(~y, ~by, design, svymean, na.rm=TRUE)}). The degrees of freedom of a domain are
 * PSUs minus strata among the PSUs holding its rows (R {@code degf} of the subset). Intervals:
 * {@link IntervalMethod}. Design effect: {@code V(p) / V_srswor(p)} as R
 * {@code svymean(deff=TRUE)}; effective sample size {@code n/deff}.
 *
 * <p><b>Kernel.</b> One pass over primitive columns fills a mergeable partial for every domain
 * at once; with {@link #withThreads(int) threads > 1} row ranges are summed in parallel and
 * merged. {@link #partial} gives that partial ({@link PrevalencePartial}) to callers that drive
 * the rows themselves: other threads, machines or engines. References: Binder (1983, Int. Stat. Rev. 51:279–292); Lumley (2010, <i>Complex
 * Surveys</i>, Wiley); Lumley, R package {@code survey}.
 *
 * <pre>{@code
 * PrevalenceTable t = PrevalenceEstimator.withDefaults()
 *     .estimate(table, DesignSpec.weights("weight").withStrata("stratum").withPsu("psu"),
 *               "cannabis_last_year", "agegroup", "sex");
 * }</pre>
 */
public final class PrevalenceEstimator {
  private final IntervalMethod method;
  private final double level;
  private final ReliabilityRule rule;
  private final int threads;

  private PrevalenceEstimator(IntervalMethod method, double level, ReliabilityRule rule, int threads) {
    this.method = Objects.requireNonNull(method, "method");
    this.level = Checks.level(level);
    this.rule = Objects.requireNonNull(rule, "rule");
    if (threads < 1) {
      throw Checks.badArgument("threads", "must be >= 1", threads);
    }
    this.threads = threads;
  }

  /**
   * Logit intervals, 95% level, the NCHS reliability rule, one thread.
   *
   * @return an estimator with these settings
   */
  public static PrevalenceEstimator withDefaults() {
    return new PrevalenceEstimator(IntervalMethod.LOGIT, 0.95, ReliabilityRule.NCHS, 1);
  }

  /**
   * The same estimator with another interval method.
   *
   * @param m the interval method
   * @return a new estimator; this one is unchanged
   * @throws NullPointerException when {@code m} is {@code null}
   */
  public PrevalenceEstimator with(IntervalMethod m) {
    return new PrevalenceEstimator(m, level, rule, threads);
  }

  /**
   * The same estimator with another reliability rule.
   *
   * @param r the reliability rule applied to every estimate
   * @return a new estimator; this one is unchanged
   * @throws NullPointerException when {@code r} is {@code null}
   */
  public PrevalenceEstimator with(ReliabilityRule r) {
    return new PrevalenceEstimator(method, level, r, threads);
  }

  /**
   * The same estimator with another confidence level.
   *
   * @param l the confidence level, strictly between 0 and 1 (e.g. 0.95)
   * @return a new estimator; this one is unchanged
   * @throws IllegalArgumentException when {@code l} is not strictly between 0 and 1
   */
  public PrevalenceEstimator withLevel(double l) {
    return new PrevalenceEstimator(method, l, rule, threads);
  }

  /**
   * Number of threads for the single pass (partials are merged; the result is identical up to rounding).
   * Each thread takes at least 50,000 rows, so smaller tables use fewer threads; the work runs on the
   * common fork-join pool.
   *
   * @param n the number of threads, {@code >= 1}
   * @return a new estimator; this one is unchanged
   * @throws IllegalArgumentException when {@code n < 1}
   */
  public PrevalenceEstimator withThreads(int n) {
    return new PrevalenceEstimator(method, level, rule, n);
  }

  /**
   * The interval method.
   *
   * @return the method ({@link IntervalMethod#LOGIT} by default)
   */
  public IntervalMethod method() {
    return method;
  }

  /**
   * The confidence level.
   *
   * @return the level, strictly between 0 and 1 (0.95 by default)
   */
  public double level() {
    return level;
  }

  /**
   * The reliability rule.
   *
   * @return the rule ({@link ReliabilityRule#NCHS} by default)
   */
  public ReliabilityRule rule() {
    return rule;
  }

  /**
   * Prevalence of {@code outcome} by the {@code by} columns (none: overall).
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param outcome a 0/1 outcome column (see {@link Columns#flags}); empty cells are left out
   * @param by grouping columns; rows with an empty grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public PrevalenceTable estimate(Table table, DesignSpec spec, String outcome, String... by) {
    return estimate(table, spec, outcome, List.of(by));
  }

  /**
   * Prevalence of {@code outcome} by the {@code by} columns (empty: overall).
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param outcome a 0/1 outcome column (see {@link Columns#flags}); empty cells are left out
   * @param by grouping columns; rows with an empty grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid
   */
  public PrevalenceTable estimate(Table table, DesignSpec spec, String outcome, List<String> by) {
    Objects.requireNonNull(outcome, "outcome");
    Columns.column(table, outcome);
    for (String b : by) {
      Columns.column(table, b);
    }
    SurveyDesign design = spec.bind(table);
    byte[] y = Columns.flags(table, outcome);
    Columns.Codes codes = Columns.codes(table, by);
    return estimate(design, y, codes, outcome, by);
  }

  /**
   * The columns that {@link #estimate(Frame, DesignSpec, String, List)} binds and how a reader
   * reads them: the design's columns, the outcome as a flag, the domain columns as text.
   * <pre>{@code
   * Frame f = Csv.frame(path, options, PrevalenceEstimator.columns(spec, "used", List.of("group")));
   * }</pre>
   *
   * @param spec the design columns
   * @param outcome the 0/1 outcome column
   * @param by the grouping columns
   * @return column name → type: the design's columns first, then each grouping column that is not a
   *     design column as {@link ColumnType#TEXT}, then the outcome as {@link ColumnType#FLAG}
   */
  public static Map<String, ColumnType> columns(DesignSpec spec, String outcome, List<String> by) {
    Map<String, ColumnType> m = new LinkedHashMap<>(spec.columnTypes());
    for (String b : by) {
      m.putIfAbsent(b, ColumnType.TEXT);
    }
    m.put(outcome, ColumnType.FLAG);
    return m;
  }

  /**
   * Prevalence of {@code outcome} by the {@code by} columns of a frame read with
   * {@link #columns}; the same estimates as from a table, with errors naming file and line.
   *
   * @param frame the data, read with at least the columns of {@link #columns}
   * @param spec the design columns
   * @param outcome the 0/1 outcome column; missing values are left out
   * @param by grouping columns (empty: overall); rows with a missing grouping value are left out
   * @return one estimate per domain, sorted by the grouping values as text, column by column
   * @throws IllegalArgumentException when a column is missing or a cell is invalid, naming file and line
   */
  public PrevalenceTable estimate(Frame frame, DesignSpec spec, String outcome, List<String> by) {
    Objects.requireNonNull(outcome, "outcome");
    SurveyDesign design = SurveyDesign.from(frame, spec);
    try {
      byte[] y = frame.flags(outcome);
      Columns.Codes codes = Columns.codes(frame, by);
      return estimate(design, y, codes, outcome, by);
    } catch (IllegalArgumentException e) {
      throw frame.locate(e);
    }
  }

  /**
   * The difference between the prevalences of two domains of one survey, {@code second − first},
   * with the covariance of the two estimates (they share the design's PSUs); see
   * {@link PrevalenceDifference}. Both domains must be published under this estimator's rule: a
   * suppressed cell cannot enter a comparison that would reveal it.
   *
   * @param table the survey, one row per respondent; not modified
   * @param spec the design columns of {@code table}
   * @param outcome a 0/1 outcome column; empty cells are left out
   * @param by grouping columns
   * @param first the grouping values of domain {@code a}, in {@code by} order
   * @param second the grouping values of domain {@code b}, in {@code by} order
   * @return the difference {@code p_b − p_a}, its standard error, Wald interval at this estimator's
   *     level and two-sided z test
   * @throws IllegalArgumentException when a domain does not exist or is suppressed, when both are
   *     the same, or when the difference has no variance
   */
  public PrevalenceDifference difference(Table table, DesignSpec spec, String outcome, List<String> by,
      List<String> first, List<String> second) {
    Objects.requireNonNull(outcome, "outcome");
    if (first.equals(second)) {
      throw new IllegalArgumentException("the two domains are the same: " + first);
    }
    SurveyDesign design = spec.bind(table);
    byte[] y = Columns.flags(table, outcome);
    Columns.Codes codes = Columns.codes(table, by);
    DomainSums sums = sums(design, y, codes.codes(), codes.size());
    PrevalenceTable t = table(design, sums, codes.levels(), codes.missingRows(), outcome, by, y, codes.codes());
    int a = domainIndex(codes, t, by, first);
    int b = domainIndex(codes, t, by, second);
    DomainMoments m = new DomainMoments(design, sums, y, codes.codes());
    double[] coef = new double[codes.size()];
    coef[a] = 1;
    double va = m.variance(coef);
    coef[a] = 0;
    coef[b] = 1;
    double vb = m.variance(coef);
    coef[a] = -1;
    double v = m.variance(coef);
    double se = Math.sqrt(v);
    if (!(se > 0)) {
      throw new IllegalArgumentException("the difference has no sampling variance: no test is possible");
    }
    double diff = m.proportion(b) - m.proportion(a);
    NormalDistribution n = NormalDistribution.of(0, 1);
    double z = diff / se;
    double q = n.inverseCumulativeProbability(1 - (1 - level) / 2);
    return new PrevalenceDifference(new Group(by, first), new Group(by, second), m.proportion(a), m.proportion(b), diff,
        (va + vb - v) / 2, se, z, 2 * n.cumulativeProbability(-Math.abs(z)), diff - q * se, diff + q * se, level);
  }

  /** The code of the domain with grouping values {@code values}, which must be published in {@code t}. */
  private static int domainIndex(Columns.Codes codes, PrevalenceTable t, List<String> by, List<String> values) {
    int g = codes.levels().indexOf(values);
    if (g < 0) {
      throw new IllegalArgumentException("no domain " + new Group(by, values) + "; domains: " + t.groups());
    }
    PrevalenceEstimate e = t.find(values.toArray(String[]::new)).orElseThrow();
    if (e.suppressed()) {
      throw new IllegalArgumentException("domain " + e.group() + " is suppressed: " + e.note());
    }
    return g;
  }

  /**
   * An empty {@link PrevalencePartial mergeable partial} of this estimator over the rows of
   * {@code design}, for the domains {@code levels} (each a list of the grouping values; one empty
   * list for the overall prevalence). Add row ranges, merge partials, finish to a table.
   *
   * @param design the bound design whose rows will be added
   * @param levels the domains, each the list of its grouping values; the list index is the domain code
   * @return an empty partial
   * @throws IllegalArgumentException when {@code levels} is empty
   */
  public PrevalencePartial partial(SurveyDesign design, List<List<String>> levels) {
    return new PrevalencePartial(this, design, levels);
  }

  /**
   * The prevalence table from sums filled elsewhere: by another engine over the rows of a design
   * that is known here by its structure ({@link SurveyDesign#ofClusters}, {@link SurveyDesign#ofStrata})
   * or bound from the rows. This is how {@code dmstat-spark} finishes: each partition of the data
   * fills a {@link DomainSums} with cells numbered as the design's PSUs (its strata under element
   * sampling), the partials are merged, and the driver calls this method. The result is the table
   * {@link #estimate(Table, DesignSpec, String, List)} gives for the same rows, up to the rounding
   * of the order of additions.
   *
   * @param design the design whose PSUs (strata under element sampling) number the cells of {@code sums}
   * @param sums the merged sums: {@code levels.size()} domains, one cell per PSU (per stratum under
   *     element sampling, with the squared sums); rows outside every domain counted in {@code outside}
   * @param levels the grouping values of each domain, in domain code order (one empty list for the overall prevalence)
   * @param outcome the outcome's name
   * @param by the grouping column names
   * @return the table
   * @throws IllegalArgumentException when the shape of {@code sums} does not match the design and
   *     levels, or the design is calibrated (its variance needs the rows)
   */
  public PrevalenceTable finish(SurveyDesign design, DomainSums sums, List<List<String>> levels, String outcome,
      List<String> by) {
    Objects.requireNonNull(outcome, "outcome");
    int cells = design.elementSampling() ? design.strataCount() : design.psuCount();
    if (sums.domains != levels.size() || sums.cells != cells || sums.squares != design.elementSampling()) {
      throw new IllegalArgumentException("sums of " + sums.domains + " domains x " + sums.cells + " cells"
          + (sums.squares ? " with squares" : "") + " do not fit " + levels.size() + " domains over the design's "
          + cells + (design.elementSampling() ? " strata (with squares)" : " PSUs"));
    }
    if (design.reweighted()) {
      throw new IllegalArgumentException("a calibrated design cannot finish from sums: its variance needs the rows");
    }
    for (List<String> level : levels) {
      if (level.size() != by.size()) {
        throw new IllegalArgumentException("level " + level + " does not have one value per grouping column " + by);
      }
    }
    return table(design, sums, List.copyOf(levels), sums.outside, outcome, List.copyOf(by), null, null);
  }

  /**
   * Prevalence from bound columns: {@code y} holds 0, 1 or {@link Columns#MISSING};
   * {@code domains.codes()} the domain of each row ({@code -1}: none); the rows with a missing
   * grouping value are {@code domains.missingRows()}.
   */
  PrevalenceTable estimate(SurveyDesign design, byte[] y, Columns.Codes domains, String outcome, List<String> by) {
    if (y.length != design.rows() || domains.codes().length != design.rows()) {
      throw new IllegalArgumentException("design has " + design.rows() + " rows but outcome has " + y.length
          + " and domains " + domains.codes().length);
    }
    return table(design, sums(design, y, domains.codes(), domains.size()), domains.levels(), domains.missingRows(),
        outcome, by, y, domains.codes());
  }

  /**
   * The table of a finished partial; {@code missingGroup} rows had a missing grouping value. The
   * row outcomes and domains (or {@code null}, for a partial) give the variance of a reweighted design.
   */
  PrevalenceTable table(SurveyDesign design, DomainSums sums, List<List<String>> levels, long missingGroup,
      String outcome, List<String> by, byte[] rowOutcome, int[] rowDomain) {
    DomainMoments m = new DomainMoments(design, sums, rowOutcome, rowDomain);
    long missingOutcome = m.missingOutcomes();
    Map<String, Long> reasons = new LinkedHashMap<>();
    if (missingOutcome > 0) {
      reasons.put("outcome '" + outcome + "' missing", missingOutcome);
    }
    if (missingGroup > 0) {
      reasons.put("grouping value missing", missingGroup);
    }
    DesignSummary summary = new DesignSummary(design.rows(), missingOutcome + missingGroup, reasons,
        design.strataCount(), design.psuCount(), design.degreesOfFreedom());
    List<PrevalenceEstimate> out = new ArrayList<>();
    for (int g = 0; g < m.domains(); g++) {
      out.add(estimate(m, g, new Group(by, levels.get(g))));
    }
    out.sort(BY_GROUP);
    return new PrevalenceTable(outcome, by, summary, method, level, rule, out);
  }

  /** Estimates by their grouping values. */
  private static final Comparator<PrevalenceEstimate> BY_GROUP = new ByGroup();

  /**
   * A class rather than {@code Comparator.comparing} or a lambda: on a command's path the first
   * lambda links the method-handle machinery, which spins classes at run time (~5 ms).
   */
  private static final class ByGroup implements Comparator<PrevalenceEstimate> {
    @Override
    public int compare(PrevalenceEstimate a, PrevalenceEstimate b) {
      return Group.compareValues(a.group().values(), b.group().values());
    }
  }

  private PrevalenceEstimate estimate(DomainMoments m, int g, Group group) {
    long n = m.observed(g);
    double w = m.weightSum(g);
    int df = m.degreesOfFreedom(g);
    if (!(w > 0)) {
      String why = n == 0 ? "no observed outcome in this domain" : "all weights are zero in this domain";
      return new PrevalenceEstimate(group, n, w, df, method, level, Reliability.SUPPRESSED, why, Optional.empty());
    }
    double p = m.proportion(g);
    double v = m.variance(g);
    double se = Math.sqrt(v);
    double deff = m.designEffect(g, v);
    Optional<double[]> ci = method.interval(p, v, n, m.domainRows(g), df, level);
    Assessment a = rule.assess(n, p, se, deff);
    if (ci.isEmpty()) {
      a = a.worst(Assessment.suppressed("no interval: " + (df < 1 ? "design df " + df + " < 1" : "one row")));
    }
    if (a.status() == Reliability.SUPPRESSED) {
      return new PrevalenceEstimate(group, n, w, df, method, level, a.status(), a.reason(), Optional.empty());
    }
    OptionalDouble d = Double.isNaN(deff) ? OptionalDouble.empty() : OptionalDouble.of(deff);
    OptionalDouble ne = Double.isNaN(deff) || deff == 0 ? OptionalDouble.empty() : OptionalDouble.of(n / deff);
    PrevalenceValue value = new PrevalenceValue(p, se, ci.get()[0], ci.get()[1], d, ne);
    return new PrevalenceEstimate(group, n, w, df, method, level, a.status(), a.reason(), Optional.of(value));
  }

  /** The single pass (threads merge partials over row ranges). */
  DomainSums sums(SurveyDesign design, byte[] y, int[] domain, int domains) {
    int n = design.rows();
    int parts = Math.min(threads, Math.max(1, n / 50_000));
    if (parts == 1) {
      return add(design, empty(design, domains), y, domain, 0, n);
    }
    // partials over row ranges on the common fork-join pool, merged in range order
    return IntStream.range(0, parts).parallel().mapToObj(k -> add(design, empty(design, domains), y, domain,
        (int) ((long) n * k / parts), (int) ((long) n * (k + 1) / parts))).reduce(DomainSums::merge).orElseThrow();
  }

  /** An empty partial for {@code domains} domains over the cells of {@code design} (PSUs, or strata under element sampling). */
  static DomainSums empty(SurveyDesign design, int domains) {
    return design.elementSampling() ? new DomainSums(domains, design.strataCount(), true)
        : new DomainSums(domains, design.psuCount(), false);
  }

  /** Adds rows {@code [from, to)} of {@code design} to {@code s} and returns it. */
  static DomainSums add(SurveyDesign design, DomainSums s, byte[] y, int[] domain, int from, int to) {
    s.add(design.weightsView(), y, domain, design.elementSampling() ? design.rowStratum() : design.rowPsu(), from, to);
    return s;
  }

  /** Whether {@code o} estimates as this one does (interval method, level, reliability rule; threads aside). */
  boolean sameSettings(PrevalenceEstimator o) {
    return o.method == method && o.level == level && o.rule == rule;
  }

  @Override
  public String toString() {
    return "PrevalenceEstimator[" + method.code() + ", level=" + level + ", rule=" + rule.code()
        + ", threads=" + threads + "]";
  }
}
