package io.github.dmstat.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A prevalence indicator: a substance used within a recall period by a target group, e.g.
 * "cannabis, last year, adults 18+". {@link #column()} is the conventional outcome column name
 * ({@code cannabis_last_year}).
 *
 * @param substance the substance used
 * @param period the recall period of the question
 * @param group the target group surveyed
 */
public record Indicator(Substance substance, RecallPeriod period, TargetGroup group) {
  /**
   * Checks that every component is given.
   *
   * @param substance the substance used
   * @param period the recall period of the question
   * @param group the target group surveyed
   * @throws NullPointerException when a component is {@code null}
   */
  public Indicator {
    Objects.requireNonNull(substance, "substance");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(group, "group");
  }

  /**
   * Outcome column name: {@code <substance>_<period>}.
   *
   * @return the column name, e.g. {@code cannabis_last_year}
   */
  public String column() {
    return column(substance, period);
  }

  /**
   * Outcome column name for a substance and recall period.
   *
   * @param s the substance
   * @param p the recall period
   * @return {@code <substance code>_<period code>}, e.g. {@code cannabis_last_year}
   */
  public static String column(Substance s, RecallPeriod p) {
    return s.code() + "_" + p.code();
  }

  /**
   * The outcome column names of every substance for a recall period, in substance order.
   *
   * @param p the recall period
   * @return one column name per {@link Substance}, in enum order
   */
  public static List<String> columns(RecallPeriod p) {
    List<String> out = new ArrayList<>();
    for (Substance s : Substance.values()) {
      out.add(column(s, p));
    }
    return out;
  }

  @Override
  public String toString() {
    return substance + ", " + period + ", " + group;
  }
}
