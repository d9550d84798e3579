package io.github.dmstat.charts.map;

import io.github.dmstat.charts.Figure;
import io.github.dmstat.core.Checks;
import io.github.dmstat.core.area.AreaPolygon;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A map of areas, each filled with the colour of one legend category, drawn with Java2D so it
 * exports like any other {@link Figure} (PNG, SVG, PDF through {@link io.github.dmstat.charts.Export}).
 *
 * <p><b>Projection.</b> Geographic coordinates (all {@code |x| <= 180}, {@code |y| <= 90}: WGS84
 * longitude/latitude in degrees) are drawn in an equirectangular projection
 * {@code X = λ·cos φ₀}, {@code Y = φ}, with {@code φ₀} the midpoint of the southernmost and
 * northernmost latitude, which keeps shapes right at the map's centre (for the Netherlands,
 * {@code cos 52.2° ≈ 0.61}). Other coordinates (e.g. RD New metres) are taken as planar. North is
 * up; there is no scale bar. The map is fitted, aspect kept, into the space left by title,
 * subtitle and note, with margins. The legend goes into the first corner of the map's frame
 * (top left, top right, bottom left, bottom right) where it touches no area, as the North Sea
 * corner of a map of the Netherlands; when no corner is free, the map is shrunk to leave a
 * legend column on its right. The legend never overlaps an area.
 *
 * <p><b>Drawing.</b> Each area is one even-odd {@link Path2D} of all its rings, so multipolygons
 * and holes are drawn right. Fills first, then thin borders (white by default; thinner when
 * there are many areas), then hatching ({@link Style#HATCHED}) and dark outlines
 * ({@link Style#OUTLINED}). Areas without a category are drawn light grey with a "no data" /
 * "geen gegevens" legend entry. Projection and layout are computed once in {@link Builder#build()};
 * painting is one pass over the areas (13,600 buurten are fine).
 *
 * <p>The figure holds colours and labels only, never the values behind them.
 */
public final class MapFigure implements Figure {
  /** Light grey for areas without a category. */
  public static final Color NO_DATA = new Color(232, 232, 232);

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font LEGEND_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 10);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
  private static final Color TEXT = new Color(30, 30, 30);
  private static final Color MUTED = new Color(90, 90, 90);
  private static final Color HATCH = new Color(80, 80, 80);
  private static final Color OUTLINE = new Color(70, 70, 70);
  private static final double MARGIN = 16;
  private static final double GAP = 14;
  private static final double PAD = 8;
  private static final double SWATCH_W = 20;
  private static final double SWATCH_H = 12;
  private static final double ROW_H = 16;
  private static final double HATCH_SPACING = 3.5;

  /** How a category's areas are filled. */
  public enum Style {
    /** Filled with the colour. */
    SOLID,
    /** Filled with the colour and hatched with dark diagonal lines (e.g. suppressed values). */
    HATCHED,
    /** Filled with the colour and outlined in dark grey (e.g. areas without neighbours). */
    OUTLINED
  }

  /**
   * One legend entry.
   *
   * @param label legend text
   * @param fill fill colour
   * @param style fill style
   */
  public record Category(String label, Color fill, Style style) {
    /**
     * Checks the components.
     *
     * @param label legend text, not blank
     * @param fill fill colour, not null
     * @param style fill style, not null
     * @throws IllegalArgumentException when {@code label} is null or blank
     */
    public Category {
      if (label == null || label.isBlank()) {
        throw Checks.badArgument("category label", "must be present and not blank", label);
      }
      Objects.requireNonNull(fill, "fill");
      Objects.requireNonNull(style, "style");
    }

    /**
     * A solid category.
     *
     * @param label legend text, not blank
     * @param fill fill colour
     * @return the category, style {@link Style#SOLID}
     */
    public static Category solid(String label, Color fill) {
      return new Category(label, fill, Style.SOLID);
    }

    @Override
    public String toString() {
      return "Category[" + label + ", #" + String.format(Locale.ROOT, "%06x", fill.getRGB() & 0xffffff) + ", "
          + style.name().toLowerCase(Locale.ROOT) + "]";
    }
  }

  private final Builder spec;
  private final List<Category> legend;
  private final Map<String, Category> byCode;
  private final Shape[] shapes;
  private final Category[] areaCategory;
  private final float borderWidth;
  private final List<Text> texts;
  private final Rectangle2D legendBox;
  private final List<Entry> entries;

  private record Text(String text, Font font, Color colour, double x, double y) {}

  private record Entry(Category category, double x, double y, Text label) {}

  private MapFigure(Builder b) {
    this.spec = b.copy();
    List<AreaPolygon> areas = b.areas;
    int n = areas.size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      if (index.put(areas.get(i).code(), i) != null) {
        throw Checks.badArgument("area code", "must be unique", areas.get(i).code());
      }
    }
    for (Map.Entry<String, Category> e : b.assigned.entrySet()) {
      if (!index.containsKey(e.getKey())) {
        throw Checks.badArgument("assigned area", "must be one of the " + n + " map areas", e.getKey());
      }
      if (!b.categories.contains(e.getValue())) {
        throw Checks.badArgument("category of area " + e.getKey(), "must be one of the legend categories "
            + b.categories, e.getValue());
      }
    }
    Category noData = new Category(b.noDataLabel != null ? b.noDataLabel : MapText.of(b.locale).noData(), NO_DATA,
        Style.SOLID);
    areaCategory = new Category[n];
    boolean anyMissing = false;
    Map<String, Category> codes = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Category c = b.assigned.get(areas.get(i).code());
      if (c == null) {
        c = noData;
        anyMissing = true;
      }
      areaCategory[i] = c;
      codes.put(areas.get(i).code(), c);
    }
    byCode = Collections.unmodifiableMap(codes);
    List<Category> leg = new ArrayList<>(b.categories);
    if (anyMissing) {
      leg.add(noData);
    }
    legend = List.copyOf(leg);

    // --- text layout (fixed font metrics, so every output format gets the same layout)
    double w = b.width;
    double h = b.height;
    List<Text> tx = new ArrayList<>();
    double y = MARGIN;
    y = lines(tx, b.title, TITLE, TEXT, MARGIN, y, w - 2 * MARGIN);
    if (!b.subtitle.isBlank()) {
      y = lines(tx, b.subtitle, SUBTITLE, MUTED, MARGIN, y + 2, w - 2 * MARGIN);
    }
    double top = y + 10;
    double bottom = h - MARGIN;
    if (!b.note.isBlank()) {
      List<String> noteLines = wrap(b.note, NOTE, w - 2 * MARGIN);
      double lh = lineHeight(NOTE);
      bottom -= noteLines.size() * lh;
      lines(tx, b.note, NOTE, MUTED, MARGIN, bottom, w - 2 * MARGIN);
      bottom -= 8;
    }
    // legend size
    double maxLegendWidth = Math.max(120, Math.min(240, w * 0.4));
    double inner = 0;
    for (Category c : legend) {
      inner = Math.max(inner, SWATCH_W + 6 + width(c.label(), LEGEND));
    }
    // the legend title wraps to the entries' width (at least 130 pt, at most 40% of the figure)
    List<String> legendTitleLines = b.legendTitle.isBlank() ? List.of() : wrap(b.legendTitle, LEGEND_TITLE,
        Math.min(maxLegendWidth - 2 * PAD, Math.max(inner, 130)));
    for (String s : legendTitleLines) {
      inner = Math.max(inner, width(s, LEGEND_TITLE));
    }
    double legendW = Math.ceil(inner + 2 * PAD);
    double legendTitleH = legendTitleLines.size() * lineHeight(LEGEND_TITLE) + (legendTitleLines.isEmpty() ? 0 : 4);
    double legendH = Math.ceil(2 * PAD + legendTitleH + legend.size() * ROW_H - (ROW_H - SWATCH_H) + 2);

    // --- projection and fit
    double[] bbox = bbox(areas);
    double kx = xScale(bbox);
    double dx = Math.max((bbox[2] - bbox[0]) * kx, 1e-12);
    double dy = Math.max(bbox[3] - bbox[1], 1e-12);
    double fullW = w - 2 * MARGIN;
    double availH = Math.max(40, bottom - top);
    // first choice: the map at full width with the legend in an empty corner of the map space
    double s = Math.min(fullW / dx, availH / dy);
    double mapW = s * dx;
    double mapH = s * dy;
    double left = MARGIN + (fullW - mapW) / 2;
    double mapTop = top + (availH - mapH) / 2;
    Shape[] projected = project(areas, bbox, kx, s, left, mapTop);
    Rectangle2D corner = legendW <= 0.6 * fullW && legendH <= 0.6 * availH
        ? emptyCorner(projected, left, mapTop, mapW, mapH, legendW, legendH) : null;
    double legendX;
    double legendY;
    if (corner != null) {
      legendX = corner.getX();
      legendY = corner.getY();
    } else {
      // otherwise a legend column to the right of the map
      double availW = Math.max(40, fullW - legendW - GAP);
      s = Math.min(availW / dx, availH / dy);
      mapW = s * dx;
      mapH = s * dy;
      left = MARGIN + Math.max(0, (fullW - mapW - GAP - legendW) / 2);
      mapTop = top + (availH - mapH) / 2;
      projected = project(areas, bbox, kx, s, left, mapTop);
      legendX = left + mapW + GAP;
      legendY = Math.max(top, Math.min(mapTop, bottom - legendH));
    }
    shapes = projected;
    legendBox = new Rectangle2D.Double(legendX, legendY, legendW, legendH);
    List<Entry> ents = new ArrayList<>();
    double ly = legendY + PAD;
    for (String line : legendTitleLines) {
      ly += ascent(LEGEND_TITLE);
      tx.add(new Text(line, LEGEND_TITLE, TEXT, legendX + PAD, ly));
      ly += lineHeight(LEGEND_TITLE) - ascent(LEGEND_TITLE);
    }
    ly += legendTitleLines.isEmpty() ? 0 : 4;
    for (Category c : legend) {
      double baseline = ly + SWATCH_H / 2 + (ascent(LEGEND) - descent(LEGEND)) / 2;
      ents.add(new Entry(c, legendX + PAD, ly, new Text(c.label(), LEGEND, TEXT, legendX + PAD + SWATCH_W + 6, baseline)));
      ly += ROW_H;
    }
    entries = List.copyOf(ents);
    texts = List.copyOf(tx);
    double perArea = Math.sqrt(mapW * mapH / n);
    borderWidth = b.borderWidth > 0 ? (float) b.borderWidth : (float) Math.max(0.1, Math.min(0.6, perArea / 40));
  }

  /** Each area as one even-odd path of all its rings, projected and fitted: {@code X = left + s·kx·(x − x₀)}, {@code Y = top + s·(y₁ − y)}. */
  private static Shape[] project(List<AreaPolygon> areas, double[] bbox, double kx, double s, double left, double top) {
    Shape[] out = new Shape[areas.size()];
    double x0 = bbox[0];
    double y1 = bbox[3];
    for (int i = 0; i < out.length; i++) {
      Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD, areas.get(i).pointCount() + 8);
      areas.get(i).forEachRing((p, r, xy) -> {
        path.moveTo(left + s * kx * (xy[0] - x0), top + s * (y1 - xy[1]));
        for (int k = 2; k < xy.length; k += 2) {
          path.lineTo(left + s * kx * (xy[k] - x0), top + s * (y1 - xy[k + 1]));
        }
        path.closePath();
      });
      out[i] = path;
    }
    return out;
  }

  /**
   * The first corner of the map's frame (top left, top right, bottom left, bottom right) where a
   * legend of the given size, with a small clearance, touches no area; null when there is none.
   */
  private static Rectangle2D emptyCorner(Shape[] shapes, double x, double y, double w, double h, double lw, double lh) {
    double[][] corners = {{x, y}, {x + w - lw, y}, {x, y + h - lh}, {x + w - lw, y + h - lh}};
    double clear = 6;
    for (double[] c : corners) {
      Rectangle2D probe = new Rectangle2D.Double(c[0] - clear, c[1] - clear, lw + 2 * clear, lh + 2 * clear);
      boolean free = true;
      for (Shape sh : shapes) {
        if (sh.getBounds2D().intersects(probe) && sh.intersects(probe)) {
          free = false;
          break;
        }
      }
      if (free) {
        return new Rectangle2D.Double(c[0], c[1], lw, lh);
      }
    }
    return null;
  }

  private static double lines(List<Text> out, String text, Font font, Color colour, double x, double y, double maxWidth) {
    double yy = y;
    for (String line : wrap(text, font, maxWidth)) {
      out.add(new Text(line, font, colour, x, yy + ascent(font)));
      yy += lineHeight(font);
    }
    return yy;
  }

  /** Greedy word wrap; explicit newlines are kept. */
  static List<String> wrap(String text, Font font, double maxWidth) {
    List<String> out = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : para.trim().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (line.length() > 0 && width(candidate, font) > maxWidth) {
          out.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  private static double width(String s, Font f) {
    return f.getStringBounds(s, FRC).getWidth();
  }

  private static double ascent(Font f) {
    return f.getLineMetrics("Hg", FRC).getAscent();
  }

  private static double descent(Font f) {
    return f.getLineMetrics("Hg", FRC).getDescent();
  }

  private static double lineHeight(Font f) {
    LineMetrics m = f.getLineMetrics("Hg", FRC);
    return Math.ceil(m.getAscent() + m.getDescent() + m.getLeading()) + 1;
  }

  /**
   * A builder over {@code areas} (each code once).
   *
   * @param areas the areas, at least one, none null; their codes must be unique when the figure is built
   * @return a builder with the defaults
   * @throws IllegalArgumentException when {@code areas} is empty or holds a null
   */
  public static Builder builder(List<AreaPolygon> areas) {
    return new Builder(areas);
  }

  /**
   * A builder holding this figure's settings, to change some and build again.
   *
   * @return a new builder; changing it does not change this figure
   */
  public Builder toBuilder() {
    return spec.copy();
  }

  @Override
  public int width() {
    return spec.width;
  }

  @Override
  public int height() {
    return spec.height;
  }

  @Override
  public String title() {
    return spec.title;
  }

  /**
   * The legend entries in order, including "no data" when some area has no category.
   *
   * @return the entries, unmodifiable; "no data" last
   */
  public List<Category> legend() {
    return legend;
  }

  /**
   * The category an area is drawn with ("no data" when unassigned), or empty for an unknown code.
   *
   * @param code the area code
   * @return the category, or empty when no area has that code
   */
  public Optional<Category> categoryOf(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /**
   * Number of areas drawn.
   *
   * @return the number of areas given to the builder
   */
  public int areaCount() {
    return shapes.length;
  }

  /** Per area: its name and code, and its value (or legend category). */
  @Override
  public List<Tooltip> tooltips() {
    List<Tooltip> out = new ArrayList<>(shapes.length);
    for (int i = 0; i < shapes.length; i++) {
      AreaPolygon a = spec.areas.get(i);
      String name = a.name().map(n -> n + " (" + a.code() + ")").orElse(a.code());
      out.add(new Tooltip(shapes[i], name + ": " + spec.tips.getOrDefault(a.code(), areaCategory[i].label())));
    }
    return out;
  }

  @Override
  public void paint(Graphics2D g) {
    Color colour = g.getColor();
    Stroke stroke = g.getStroke();
    Font font = g.getFont();
    Shape clip = g.getClip();
    Object strokeHint = g.getRenderingHint(RenderingHints.KEY_STROKE_CONTROL);
    try {
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fill(new Rectangle2D.Double(0, 0, spec.width, spec.height));
      for (int i = 0; i < shapes.length; i++) {
        Category c = areaCategory[i];
        g.setColor(c.fill());
        g.fill(shapes[i]);
      }
      g.setStroke(new BasicStroke(borderWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(spec.border);
      for (Shape s : shapes) {
        g.draw(s);
      }
      BasicStroke hatchStroke = new BasicStroke(0.6f);
      BasicStroke outlineStroke = new BasicStroke(Math.max(0.8f, borderWidth * 1.5f), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND);
      for (int i = 0; i < shapes.length; i++) {
        Style st = areaCategory[i].style();
        if (st == Style.HATCHED) {
          g.setStroke(hatchStroke);
          g.setColor(HATCH);
          hatch(g, shapes[i], clip);
        } else if (st == Style.OUTLINED) {
          g.setStroke(outlineStroke);
          g.setColor(OUTLINE);
          g.draw(shapes[i]);
        }
      }
      paintLegend(g, clip);
      for (Text t : texts) {
        g.setFont(t.font());
        g.setColor(t.colour());
        g.drawString(t.text(), (float) t.x(), (float) t.y());
      }
    } finally {
      g.setClip(clip);
      g.setColor(colour);
      g.setStroke(stroke);
      g.setFont(font);
      if (strokeHint != null) {
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, strokeHint);
      }
    }
  }

  private void paintLegend(Graphics2D g, Shape clip) {
    g.setColor(Color.WHITE);
    g.fill(legendBox);
    g.setStroke(new BasicStroke(0.6f));
    g.setColor(new Color(190, 190, 190));
    g.draw(legendBox);
    for (Entry e : entries) {
      Rectangle2D sw = new Rectangle2D.Double(e.x(), e.y(), SWATCH_W, SWATCH_H);
      Category c = e.category();
      g.setColor(c.fill());
      g.fill(sw);
      if (c.style() == Style.HATCHED) {
        g.setStroke(new BasicStroke(0.6f));
        g.setColor(HATCH);
        hatch(g, sw, clip);
      }
      g.setStroke(new BasicStroke(c.style() == Style.OUTLINED ? 0.9f : 0.5f));
      g.setColor(c.style() == Style.OUTLINED ? OUTLINE : new Color(150, 150, 150));
      g.draw(sw);
      Text t = e.label();
      g.setFont(t.font());
      g.setColor(t.colour());
      g.drawString(t.text(), (float) t.x(), (float) t.y());
    }
  }

  /** Diagonal lines {@code x + y = c} (c a multiple of the spacing, so neighbours line up) clipped to {@code s}. */
  private static void hatch(Graphics2D g, Shape s, Shape clip) {
    Rectangle2D r = s.getBounds2D();
    g.setClip(clip);
    g.clip(s);
    double lo = Math.floor((r.getMinX() + r.getMinY()) / HATCH_SPACING) * HATCH_SPACING;
    double hi = r.getMaxX() + r.getMaxY();
    for (double c = lo; c <= hi; c += HATCH_SPACING) {
      g.draw(new Line2D.Double(c - r.getMinY(), r.getMinY(), c - r.getMaxY(), r.getMaxY()));
    }
    g.setClip(clip);
  }

  @Override
  public String toString() {
    return "MapFigure[" + spec.title + ": " + shapes.length + " areas, " + legend.size() + " legend entries, "
        + spec.width + "×" + spec.height + " pt]";
  }

  /** {@code {minX, minY, maxX, maxY}} over every ring of every area. */
  static double[] bbox(List<AreaPolygon> areas) {
    double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    for (AreaPolygon a : areas) {
      a.forEachRing((p, r, xy) -> {
        for (int k = 0; k < xy.length; k += 2) {
          bbox[0] = Math.min(bbox[0], xy[k]);
          bbox[1] = Math.min(bbox[1], xy[k + 1]);
          bbox[2] = Math.max(bbox[2], xy[k]);
          bbox[3] = Math.max(bbox[3], xy[k + 1]);
        }
      });
    }
    return bbox;
  }

  /** cos(mean latitude) for lon/lat boxes (equirectangular), else 1. */
  static double xScale(double[] bbox) {
    boolean geographic = bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90;
    return geographic ? Math.cos(Math.toRadians(0.5 * (bbox[1] + bbox[3]))) : 1.0;
  }

  /**
   * A height that fits the areas' aspect ratio at {@code width} with room for title and legend
   * beside the map (between 260 and 1000 points), so wide regions do not float in white space.
   */
  static int fittedHeight(List<AreaPolygon> areas, int width) {
    double[] bbox = bbox(areas);
    double kx = xScale(bbox);
    double dx = Math.max((bbox[2] - bbox[0]) * kx, 1e-12);
    double dy = Math.max(bbox[3] - bbox[1], 1e-12);
    double mapWidth = Math.max(100, width - 2 * MARGIN - 170);
    return (int) Math.max(260, Math.min(1000, Math.round(mapWidth * dy / dx + 110)));
  }

  /**
   * Settings for a {@link MapFigure}: size in points (default width 600; height fitted to the
   * areas unless set), title (required),
   * subtitle, note (e.g. the source), legend title and categories, the category of each area,
   * border colour and width (0 = automatic), locale (for the "no data" label).
   */
  public static final class Builder {
    private final List<AreaPolygon> areas;
    private int width = 600;
    private int height = 640;
    private boolean heightSet;
    private String title = "";
    private String subtitle = "";
    private String note = "";
    private String legendTitle = "";
    private Locale locale = Locale.ENGLISH;
    private String noDataLabel;
    private Color border = Color.WHITE;
    private double borderWidth;
    private List<Category> categories = new ArrayList<>();
    private Map<String, Category> assigned = new LinkedHashMap<>();
    private Map<String, String> tips = new LinkedHashMap<>();

    private Builder(List<AreaPolygon> areas) {
      Objects.requireNonNull(areas, "areas");
      if (areas.isEmpty()) {
        throw Checks.badArgument("areas", "must hold at least one area polygon", 0);
      }
      for (int i = 0; i < areas.size(); i++) {
        if (areas.get(i) == null) {
          throw Checks.badArgument("area " + (i + 1), "must not be null", null);
        }
      }
      this.areas = List.copyOf(areas);
    }

    private Builder copy() {
      Builder b = new Builder(areas);
      b.width = width;
      b.height = height;
      b.heightSet = heightSet;
      b.title = title;
      b.subtitle = subtitle;
      b.note = note;
      b.legendTitle = legendTitle;
      b.locale = locale;
      b.noDataLabel = noDataLabel;
      b.border = border;
      b.borderWidth = borderWidth;
      b.categories = new ArrayList<>(categories);
      b.assigned = new LinkedHashMap<>(assigned);
      b.tips = new LinkedHashMap<>(tips);
      return b;
    }

    /**
     * What an area's tooltip says after its name (by default its legend category), e.g. its
     * value; areas not in the map keep the default.
     *
     * @param byCode the text by area code; added to earlier ones, replacing a code's earlier text
     * @return this builder
     */
    public Builder tooltips(Map<String, String> byCode) {
      tips.putAll(byCode);
      return this;
    }

    /**
     * Width in points (100 to 5000).
     *
     * @param width the width, in points
     * @return this builder
     * @throws IllegalArgumentException when {@code width} is out of range
     */
    public Builder width(int width) {
      if (width < 100 || width > 5000) {
        throw Checks.badArgument("width", "must be between 100 and 5000 points", width);
      }
      this.width = width;
      return this;
    }

    /**
     * Height in points (100 to 5000); without it the height is fitted to the areas.
     *
     * @param height the height, in points
     * @return this builder
     * @throws IllegalArgumentException when {@code height} is out of range
     */
    public Builder height(int height) {
      if (height < 100 || height > 5000) {
        throw Checks.badArgument("height", "must be between 100 and 5000 points", height);
      }
      this.height = height;
      this.heightSet = true;
      return this;
    }

    /**
     * Title (required, not blank); wrapped when long.
     *
     * @param title the title
     * @return this builder
     * @throws IllegalArgumentException when {@code title} is null or blank
     */
    public Builder title(String title) {
      if (title == null || title.isBlank()) {
        throw Checks.badArgument("title", "must be present and not blank", title);
      }
      this.title = title;
      return this;
    }

    /**
     * Subtitle under the title (blank for none).
     *
     * @param subtitle the subtitle, not null
     * @return this builder
     */
    public Builder subtitle(String subtitle) {
      this.subtitle = Objects.requireNonNull(subtitle, "subtitle");
      return this;
    }

    /**
     * Note at the bottom, e.g. the source (blank for none).
     *
     * @param note the note, not null
     * @return this builder
     */
    public Builder note(String note) {
      this.note = Objects.requireNonNull(note, "note");
      return this;
    }

    /**
     * Title over the legend (blank for none).
     *
     * @param legendTitle the legend title, not null
     * @return this builder
     */
    public Builder legendTitle(String legendTitle) {
      this.legendTitle = Objects.requireNonNull(legendTitle, "legendTitle");
      return this;
    }

    /**
     * Locale of the wording ("no data" / "geen gegevens").
     *
     * @param locale the locale, not null; Dutch for language {@code nl}, English otherwise (the default)
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Label for areas without a category (default by locale).
     *
     * @param label the label
     * @return this builder
     * @throws IllegalArgumentException when {@code label} is null or blank
     */
    public Builder noDataLabel(String label) {
      if (label == null || label.isBlank()) {
        throw Checks.badArgument("no-data label", "must be present and not blank", label);
      }
      this.noDataLabel = label;
      return this;
    }

    /**
     * Border colour (default white).
     *
     * @param colour the colour of the area borders, not null
     * @return this builder
     */
    public Builder border(Color colour) {
      this.border = Objects.requireNonNull(colour, "border");
      return this;
    }

    /**
     * Border width in points; 0 (default) chooses from the number and size of the areas.
     *
     * @param points the width, 0 to 5 points
     * @return this builder
     * @throws IllegalArgumentException when {@code points} is out of range or NaN
     */
    public Builder borderWidth(double points) {
      if (!(points >= 0 && points <= 5)) {
        throw Checks.badArgument("border width", "must be between 0 and 5 points", points);
      }
      this.borderWidth = points;
      return this;
    }

    /**
     * The legend categories in order (replaces earlier ones); all are shown, used or not.
     *
     * @param categories the categories, none null
     * @return this builder
     */
    public Builder categories(List<Category> categories) {
      this.categories = new ArrayList<>(List.copyOf(categories));
      return this;
    }

    /**
     * Draws area {@code code} in {@code category} (one of {@link #categories}).
     *
     * @param code the area code, not null; checked when the figure is built
     * @param category the category, not null; replaces an earlier one for the same code
     * @return this builder
     */
    public Builder assign(String code, Category category) {
      Objects.requireNonNull(code, "code");
      this.assigned.put(code, Objects.requireNonNull(category, "category"));
      return this;
    }

    /**
     * Builds the figure: checks codes are unique, every assigned code is an area and every
     * assigned category is a legend category; projects and lays out once.
     *
     * @return the figure
     * @throws IllegalArgumentException when the title is blank, an area code occurs twice, an
     *     assigned code is not an area or an assigned category is not in the legend
     */
    public MapFigure build() {
      if (title.isBlank()) {
        throw Checks.badArgument("title", "must be present and not blank", title);
      }
      if (!heightSet) {
        height = fittedHeight(areas, width);
      }
      return new MapFigure(this);
    }
  }
}
