package io.github.dmstat.core.survey;

import io.github.dmstat.core.io.ColumnType;
import java.util.Map;

/**
 * A step that replaces a bound design's weights, such as calibration to population totals
 * ({@code io.github.dmstat.core.calibration}); given to {@link DesignSpec#withCalibration}, it
 * runs each time the spec is bound, so every estimator works on the calibrated design.
 */
public interface Reweighting {
  /**
   * The columns the step reads and how a reader reads them.
   *
   * @return column name → type
   */
  Map<String, ColumnType> columns();

  /**
   * The design with the new weights and the matching {@link VarianceAdjustment}.
   *
   * @param design the design as bound, with the sampling weights
   * @param columns the data's columns
   * @return the reweighted design ({@link SurveyDesign#reweighted})
   * @throws IllegalArgumentException when a column is missing, a value does not fit the step, or
   *     the step does not converge
   */
  SurveyDesign apply(SurveyDesign design, ColumnReader columns);

  /**
   * A short description for design summaries, e.g. {@code raking to agegroup, sex}.
   *
   * @return the description
   */
  String describe();
}
