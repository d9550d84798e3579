package io.github.dmstat.charts;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Static encoders: any {@link Figure} (or XChart chart) to PNG (with a DPI), SVG or PDF,
 * headless. Every stream is opened and closed here, so no file is left truncated.
 */
public final class Export {
  private Export() {}

  /** Output formats, chosen from a file's extension. */
  public enum Format {
    /** PNG image. */
    PNG,
    /** SVG document. */
    SVG,
    /** PDF document. */
    PDF;

    /**
     * The format for {@code file}'s extension ({@code .png}, {@code .svg}, {@code .pdf}, any case).
     *
     * @param file the output file
     * @return the format of its extension
     * @throws IllegalArgumentException when the file name ends in none of these
     */
    public static Format of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      for (Format f : values()) {
        if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw new IllegalArgumentException("output file '" + file + "' must end in .png, .svg or .pdf");
    }
  }

  /**
   * Writes {@code figure} to {@code file} in the format of its extension (PNG at 144 DPI).
   *
   * @param figure the figure
   * @param file the output file, ending in {@code .png}, {@code .svg} or {@code .pdf}; replaced if it exists
   * @return {@code file}
   * @throws IllegalArgumentException for any other extension
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static Path write(Figure figure, Path file) {
    switch (Format.of(file)) {
      case PNG:
        return png(figure, file, 144);
      case SVG:
        return svg(figure, file);
      default:
        return pdf(figure, file);
    }
  }

  /**
   * Writes an XChart chart (see {@link #write(Figure, Path)}), wrapped by {@link Figure#of}, which sets
   * its fonts.
   *
   * @param chart the chart
   * @param file the output file, ending in {@code .png}, {@code .svg} or {@code .pdf}
   * @return {@code file}
   */
  public static Path write(Chart<?, ?> chart, Path file) {
    return write(Figure.of(chart), file);
  }

  /**
   * The figure rendered to an image at {@code dpi} (72 = one pixel per point), anti-aliased, on white.
   *
   * @param figure the figure
   * @param dpi dots per inch, 36 to 1200
   * @return an RGB image of the figure's size in points times {@code dpi / 72}, rounded
   * @throws IllegalArgumentException when {@code dpi} is out of range
   */
  public static BufferedImage image(Figure figure, int dpi) {
    if (dpi < 36 || dpi > 1200) {
      throw new IllegalArgumentException("dpi must be between 36 and 1200 but was " + dpi);
    }
    double scale = dpi / 72.0;
    int w = (int) Math.round(figure.width() * scale);
    int h = (int) Math.round(figure.height() * scale);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(scale, scale);
      figure.paint(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * PNG at {@code dpi}, with the resolution recorded in the file.
   *
   * @param figure the figure
   * @param file the output file (any name); replaced if it exists
   * @param dpi dots per inch, 36 to 1200
   * @return {@code file}
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static Path png(Figure figure, Path file, int dpi) {
    BufferedImage img = image(figure, dpi);
    try (OutputStream out = Files.newOutputStream(file)) {
      pngTo(img, dpi, out);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * PNG bytes at {@code dpi}, with the resolution recorded.
   *
   * @param figure the figure
   * @param dpi dots per inch, 36 to 1200
   * @return the PNG file's bytes
   */
  public static byte[] pngBytes(Figure figure, int dpi) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      pngTo(image(figure, dpi), dpi, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void pngTo(BufferedImage img, int dpi, OutputStream out) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    ImageWriter writer = writers.next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
      double mmPerPixel = 25.4 / dpi;
      IIOMetadataNode horiz = new IIOMetadataNode("HorizontalPixelSize");
      horiz.setAttribute("value", Double.toString(mmPerPixel));
      IIOMetadataNode vert = new IIOMetadataNode("VerticalPixelSize");
      vert.setAttribute("value", Double.toString(mmPerPixel));
      IIOMetadataNode dim = new IIOMetadataNode("Dimension");
      dim.appendChild(horiz);
      dim.appendChild(vert);
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
      root.appendChild(dim);
      meta.mergeTree("javax_imageio_1.0", root);
      writer.write(null, new IIOImage(img, null, meta), param);
    } finally {
      writer.dispose();
    }
  }

  /**
   * SVG text of the figure, with its tooltips as {@code <title>} elements.
   *
   * @param figure the figure
   * @return the SVG document, without characters XML 1.0 cannot hold ({@link XmlText#clean})
   */
  public static String svgText(Figure figure) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      svgTo(figure, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The SVG document, with any character that XML cannot hold (from a label) dropped: see {@link XmlText}. */
  private static void svgTo(Figure figure, OutputStream out) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    svgRaw(figure, raw);
    String svg = withTooltips(explicitSizes(raw.toString(StandardCharsets.UTF_8)), figure.tooltips());
    out.write(XmlText.clean(svg).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Every {@code <text>} with an explicit font size: VectorGraphics2D leaves it out for text in its
   * default size (12), and a browser then draws that text at its own default (16 px), so that
   * labels run together.
   */
  static String explicitSizes(String svg) {
    java.util.regex.Matcher m = TEXT_STYLE.matcher(svg);
    StringBuilder sb = new StringBuilder(svg.length() + 256);
    while (m.find()) {
      String style = m.group(1);
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(style.contains("font-size")
          ? m.group() : "<text style=\"" + style + (style.endsWith(";") || style.isEmpty() ? "" : ";") + "font-size:12px;\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static final java.util.regex.Pattern TEXT_STYLE = java.util.regex.Pattern.compile("<text style=\"([^\"]*)\"");

  /**
   * The SVG with, on top, a transparent shape with a {@code <title>} for every tooltip: a browser
   * shows the title when the pointer is on the bar or area (no scripts).
   */
  static String withTooltips(String svg, List<Figure.Tooltip> tips) {
    int end = svg.lastIndexOf("</svg>");
    if (tips.isEmpty() || end < 0) {
      return svg;
    }
    StringBuilder sb = new StringBuilder(svg.length() + tips.size() * 120);
    sb.append(svg, 0, end).append("<g class=\"tooltips\" fill=\"#000\" fill-opacity=\"0\" stroke=\"none\">\n");
    double[] c = new double[6];
    for (Figure.Tooltip t : tips) {
      sb.append("<path d=\"");
      for (java.awt.geom.PathIterator it = t.shape().getPathIterator(null); !it.isDone(); it.next()) {
        int type = it.currentSegment(c);
        switch (type) {
          case java.awt.geom.PathIterator.SEG_MOVETO -> sb.append('M').append(f(c[0])).append(' ').append(f(c[1]));
          case java.awt.geom.PathIterator.SEG_LINETO -> sb.append('L').append(f(c[0])).append(' ').append(f(c[1]));
          case java.awt.geom.PathIterator.SEG_QUADTO -> sb.append('Q').append(f(c[0])).append(' ').append(f(c[1]))
              .append(' ').append(f(c[2])).append(' ').append(f(c[3]));
          case java.awt.geom.PathIterator.SEG_CUBICTO -> sb.append('C').append(f(c[0])).append(' ').append(f(c[1]))
              .append(' ').append(f(c[2])).append(' ').append(f(c[3])).append(' ').append(f(c[4])).append(' ').append(f(c[5]));
          default -> sb.append('Z');
        }
      }
      sb.append("\" fill-rule=\"evenodd\"><title>").append(XmlText.escape(t.text())).append("</title></path>\n");
    }
    return sb.append("</g>\n").append(svg, end, svg.length()).toString();
  }

  private static String f(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  /**
   * SVG file, UTF-8, as {@link #svgText}.
   *
   * @param figure the figure
   * @param file the output file (any name); replaced if it exists
   * @return {@code file}
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static Path svg(Figure figure, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      svgTo(figure, out);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static void svgRaw(Figure figure, OutputStream out) throws IOException {
    VectorGraphics2D g = new VectorGraphics2D();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      figure.paint(g);
    } finally {
      g.dispose();
    }
    Document doc = Processors.get("svg").getDocument(g.getCommands(), new PageSize(figure.width(), figure.height()));
    doc.writeTo(out);
  }

  /**
   * PDF file, one page the size of the figure.
   *
   * @param figure the figure
   * @param file the output file (any name); replaced if it exists
   * @return {@code file}
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static Path pdf(Figure figure, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      pdfTo(List.of(figure), out);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * A multi-page PDF, one figure per page, each page the size of its figure.
   *
   * @param figures the figures, in page order
   * @param out where the PDF is written
   * @throws IOException when the PDF cannot be built or written to {@code out}
   */
  public static void pdfTo(List<Figure> figures, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      for (Figure figure : figures) {
        addPage(doc, figure);
      }
      doc.save(out);
    }
  }

  /**
   * Adds a page holding {@code figure} to {@code doc}: the page is the figure's size in points and
   * the figure is drawn as vector graphics.
   *
   * @param doc the PDFBox document, left open
   * @param figure the figure
   * @throws IOException when PDFBox cannot write the page's content
   */
  public static void addPage(PDDocument doc, Figure figure) throws IOException {
    PDPage page = new PDPage(new PDRectangle(figure.width(), figure.height()));
    doc.addPage(page);
    PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, figure.width(), figure.height());
    try {
      figure.paint(g);
    } finally {
      g.dispose();
    }
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.drawForm(g.getXFormObject());
    }
  }
}
