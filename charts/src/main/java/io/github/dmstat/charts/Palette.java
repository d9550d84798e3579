package io.github.dmstat.charts;

import java.awt.Color;

/** Colours used by every dmstat chart (colour-blind safe Okabe–Ito order). */
public final class Palette {
  private Palette() {}

  /** Series colours. */
  static final Color[] SERIES = {
    new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
    new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0)
  };

  /** Grey for "not significant" and missing areas. */
  static final Color GREY = new Color(200, 200, 200);
}
