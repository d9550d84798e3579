package io.github.dmstat.core.outcomes;

import java.util.Objects;

/**
 * The columns of a table that hold one 2×2 table per study, named by role:
 * <pre>{@code
 * CountColumns.study("gemeente").treated("events_t", "total_t").control("events_c", "total_c")
 * }</pre>
 *
 * @param study the study label (a municipality, a site)
 * @param eventsTreated events in the treated group
 * @param totalTreated size of the treated group
 * @param eventsControl events in the control group
 * @param totalControl size of the control group
 */
public record CountColumns(String study, String eventsTreated, String totalTreated, String eventsControl,
    String totalControl) {
  /**
   * Checks that every column name is present.
   *
   * @param study the study label column, not null
   * @param eventsTreated events in the treated group, not null
   * @param totalTreated size of the treated group, not null
   * @param eventsControl events in the control group, not null
   * @param totalControl size of the control group, not null
   * @throws NullPointerException when a name is null
   */
  public CountColumns {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(eventsTreated, "eventsTreated");
    Objects.requireNonNull(totalTreated, "totalTreated");
    Objects.requireNonNull(eventsControl, "eventsControl");
    Objects.requireNonNull(totalControl, "totalControl");
  }

  /**
   * The names of the embedded {@code effects} dataset:
   * {@code study, events_treated, total_treated, events_control, total_control}.
   *
   * @return those column names
   */
  public static CountColumns standard() {
    return study("study").treated("events_treated", "total_treated").control("events_control", "total_control");
  }

  /**
   * Starts with the study column; the treated and control counts come next.
   *
   * @param column name of the study label column
   * @return the next step, which names the treated group's columns
   * @throws NullPointerException when {@code column} is null
   */
  public static Treated study(String column) {
    return new Treated(Objects.requireNonNull(column, "study"));
  }

  /**
   * The study column is named; name the treated group's events and total next.
   *
   * @param study name of the study label column
   */
  public record Treated(String study) {
    /**
     * The treated group's events and total.
     *
     * @param events name of the treated group's events column
     * @param total name of the treated group's size column
     * @return the next step, which names the control group's columns
     * @throws NullPointerException when {@code events} or {@code total} is null
     */
    public Control treated(String events, String total) {
      return new Control(study, Objects.requireNonNull(events, "events"), Objects.requireNonNull(total, "total"));
    }
  }

  /**
   * Study and treated columns are named; name the control group's events and total.
   *
   * @param study name of the study label column
   * @param eventsTreated name of the treated group's events column
   * @param totalTreated name of the treated group's size column
   */
  public record Control(String study, String eventsTreated, String totalTreated) {
    /**
     * The control group's events and total.
     *
     * @param events name of the control group's events column
     * @param total name of the control group's size column
     * @return the complete set of columns
     * @throws NullPointerException when a column name is null
     */
    public CountColumns control(String events, String total) {
      return new CountColumns(study, eventsTreated, totalTreated, events, total);
    }
  }
}
