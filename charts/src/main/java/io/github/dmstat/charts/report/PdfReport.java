package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Words;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * The report as a PDF with the same content as the HTML: headings, wrapped paragraphs, tables
 * (suppressed cells show only the mark) and every figure as vector graphics, on A4 pages.
 * Text uses DejaVu Sans, shipped in this jar ({@code io/github/dmstat/charts/fonts}, with its
 * license) and embedded in the PDF (subset), so the PDF looks the same on every machine;
 * characters the font lacks show as {@code ?}.
 */
public final class PdfReport {
  private static final float MARGIN = 50;
  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

  private final PDDocument doc;
  private final PDFont regular;
  private final PDFont bold;
  private PDPageContentStream cs;
  private float y;
  private int pageNo;
  /** The line under every page (the report's footer). */
  private String footer = "";

  private PdfReport(PDDocument doc) throws IOException {
    this.doc = doc;
    regular = font(doc, "DejaVuSans.ttf");
    bold = font(doc, "DejaVuSans-Bold.ttf");
  }

  /** A font shipped in this jar, to be embedded as a subset. */
  private static PDFont font(PDDocument doc, String file) throws IOException {
    try (InputStream in = PdfReport.class.getResourceAsStream("/io/github/dmstat/charts/fonts/" + file)) {
      if (in == null) {
        throw new IOException("font " + file + " is missing from the dmstat-charts jar");
      }
      return PDType0Font.load(doc, in);
    }
  }

  /**
   * Writes {@code report.pdf} into {@code dir} and returns its path.
   *
   * @param report the report
   * @param dir the folder, created when missing; an existing {@code report.pdf} is replaced
   * @return the path of {@code report.pdf}
   * @throws UncheckedIOException when the folder or the file cannot be written, or a font is missing
   */
  public static Path write(Report report, Path dir) {
    Path file = dir.resolve("report.pdf");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(file); PDDocument doc = new PDDocument()) {
        PdfReport w = new PdfReport(doc);
        w.render(report);
        doc.save(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private void render(Report r) throws IOException {
    footer = r.footer();
    // metadata: title, author and language, and an outline entry per section (PDF viewers' bookmarks)
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(r.title());
    if (!r.author().isBlank()) {
      info.setAuthor(r.author());
    }
    info.setSubject(r.subtitle());
    info.setCreator("dmstat");
    doc.getDocumentCatalog().setLanguage(r.locale().toLanguageTag());
    PDDocumentOutline outline = new PDDocumentOutline();
    doc.getDocumentCatalog().setDocumentOutline(outline);
    newPage();
    text(bold, 20, r.title(), MARGIN, y - 20);
    y -= 30;
    paragraph(r.subtitle(), 10);
    int figureNo = 0;
    int tableNo = 0;
    boolean nl = "nl".equals(r.locale().getLanguage());
    for (Report.Section s : r.sections()) {
      need(60);
      y -= 12;
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle(s.heading());
      PDPageXYZDestination dest = new PDPageXYZDestination();
      dest.setPage(doc.getPage(doc.getNumberOfPages() - 1));
      dest.setTop((int) y);
      item.setDestination(dest);
      outline.addLast(item);
      text(bold, 14, s.heading(), MARGIN, y - 14);
      y -= 24;
      for (Report.Block b : s.blocks()) {
        if (b instanceof Report.Paragraph p) {
          paragraph(p.text(), 10);
        } else if (b instanceof Report.TableBlock t) {
          table(t, ++tableNo, nl);
        } else if (b instanceof Report.FigureBlock f) {
          figure(f, ++figureNo, nl);
        }
      }
    }
    cs.close();
  }

  private void newPage() throws IOException {
    newPage(PAGE);
  }

  private void newPage(PDRectangle size) throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage page = new PDPage(size);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    pageNo++;
    text(regular, 8, Integer.toString(pageNo), size.getWidth() - MARGIN - 10, MARGIN / 2);
    if (!footer.isEmpty()) {
      text(regular, 7, footer, MARGIN, MARGIN / 2);
    }
    y = size.getHeight() - MARGIN;
  }

  /** A4 turned, for figures too wide to keep their text at {@link #MIN_TEXT} points on a portrait page. */
  private static final PDRectangle LANDSCAPE = new PDRectangle(PAGE.getHeight(), PAGE.getWidth());

  /**
   * The smallest scale of a figure on the page: its 12 px text stays at 7 points or more. (Charts
   * are at most 820 px wide, so at 0.6 or more; the 11 px texts of the ranking, forest and survival
   * charts, at most 760 px wide, at 0.65 or more; maps' 10 px legends, 600 px wide, at 0.8.)
   */
  private static final float MIN_FIGURE_SCALE = 0.6f;

  private void need(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void text(PDFont font, float size, String s, float x, float baseline) throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, baseline);
    cs.showText(safe(s));
    cs.endText();
  }

  /** {@code s} with the characters that the font lacks shown as {@code ?}. */
  private String safe(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      try {
        regular.encode(new String(Character.toChars(cp)));
        sb.appendCodePoint(cp);
      } catch (IOException | IllegalArgumentException e) {
        sb.append('?');
      }
    });
    return sb.toString();
  }

  private float width(PDFont font, float size, String s) throws IOException {
    return font.getStringWidth(safe(s)) / 1000f * size;
  }

  private void paragraph(String text, float size) throws IOException {
    List<String> lines = wrap(text, regular, size, WIDTH);
    for (String line : lines) {
      need(size * 1.4f);
      text(regular, size, line, MARGIN, y - size);
      y -= size * 1.4f;
    }
    y -= size * 0.6f;
  }

  private List<String> wrap(String text, PDFont font, float size, float max) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String whole : text.split("\\s+")) {
      String word = whole;
      if (width(font, size, word) > max) {
        // a word wider than the box even at the column's least width (a page too narrow for it):
        // its head goes on lines of its own, so that no text runs into the next column
        if (line.length() > 0) {
          lines.add(line.toString());
          line = new StringBuilder();
        }
        List<String> pieces = breakWord(word, font, size, max);
        lines.addAll(pieces.subList(0, pieces.size() - 1));
        word = pieces.get(pieces.size() - 1);
      }
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(font, size, candidate) > max && line.length() > 0) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * {@code word} in pieces no wider than {@code max}, each as long as fits, cut after the last
   * {@code - _ . /} in it when there is one (a single character wider than {@code max} stays whole).
   */
  private List<String> breakWord(String word, PDFont font, float size, float max) throws IOException {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = start + Character.charCount(word.codePointAt(start));
      while (end < word.length()) {
        int next = end + Character.charCount(word.codePointAt(end));
        if (width(font, size, word.substring(start, next)) > max) {
          break;
        }
        end = next;
      }
      if (end < word.length()) {
        for (int k = end - 1; k > start; k--) {
          if ("-_./".indexOf(word.charAt(k)) >= 0) {
            end = k + 1;
            break;
          }
        }
      }
      pieces.add(word.substring(start, end));
      start = end;
    }
    return pieces;
  }

  /** The smallest text in the PDF (points): a table that does not fit at this size wraps its widest columns. */
  static final float MIN_TEXT = 7f;

  private void table(Report.TableBlock t, int no, boolean nl) throws IOException {
    int cols = t.header().size();
    float size = 8.5f;
    float[] w = new float[cols];
    for (int round = 0; round < 4; round++) {
      widths(t, size, w);
      float total = sum(w);
      if (total <= WIDTH) {
        break;
      }
      size = Math.max(MIN_TEXT, size * WIDTH / total * 0.98f);
      if (size == MIN_TEXT) {
        widths(t, size, w);
        break;
      }
    }
    // still too wide at the smallest size: the widest columns give up width and their cells wrap,
    // but no column gets narrower than its longest word (a file name, a long Dutch compound)
    float[] least = leastWidths(t, size);
    for (int guard = 0; sum(w) > WIDTH + 0.5f && guard < 2 * cols; guard++) {
      int widest = -1;
      for (int c = 0; c < cols; c++) {
        if (w[c] > least[c] && (widest < 0 || w[c] > w[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        break; // every column at its longest word: longer words are broken (see wrap)
      }
      w[widest] = Math.max(least[widest], w[widest] - (sum(w) - WIDTH));
    }
    float line = size * 1.25f;
    float row = size * 1.6f;
    need(row * 3 + 14);
    for (String text : wrap((Words.of(nl).get("pdfReport.table")) + no + ". " + t.caption(), bold, 9.5f, WIDTH)) {
      text(bold, 9.5f, text, MARGIN, y - 10);
      y -= 13;
    }
    header(t, w, size, row);
    for (List<Report.Cell> r : t.rows()) {
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int c = 0; c < cols; c++) {
        List<String> l = wrap(shown(r.get(c)), regular, size, w[c] - 8);
        cells.add(l.isEmpty() ? List.of("") : l);
        lines = Math.max(lines, cells.get(c).size());
      }
      float height = row + (lines - 1) * line;
      if (y - height < MARGIN) {
        newPage();
        header(t, w, size, row);
      }
      float x = MARGIN;
      for (int c = 0; c < cols; c++) {
        float ly = y - size - 2;
        for (String s : cells.get(c)) {
          float tx = c == 0 ? x + 4 : x + w[c] - 4 - width(regular, size, s);
          text(regular, size, s, tx, ly);
          ly -= line;
        }
        x += w[c];
      }
      y -= height;
    }
    StringBuilder notes = new StringBuilder(t.note());
    if (t.hasUnreliable()) {
      notes.append(notes.length() > 0 ? " " : "").append(Words.of(nl).get("pdfReport.unreliable"));
    }
    if (t.hasSuppressed()) {
      notes.append(notes.length() > 0 ? " " : "").append(Words.of(nl).get("pdfReport.suppressed.too.few.observations"));
    }
    y -= 4;
    if (notes.length() > 0) {
      paragraph(notes.toString(), 8);
    } else {
      y -= 8;
    }
  }

  /**
   * The narrowest each column may get: its longest word (header or cell) with padding, at least
   * 60 points and at most half the page (a longer word is broken, see {@link #wrap}).
   */
  private float[] leastWidths(Report.TableBlock t, float size) throws IOException {
    float[] least = new float[t.header().size()];
    for (int c = 0; c < least.length; c++) {
      least[c] = 60;
      for (String word : t.header().get(c).split("\\s+")) {
        least[c] = Math.max(least[c], width(bold, size, word) + 8);
      }
      for (List<Report.Cell> r : t.rows()) {
        for (String word : shown(r.get(c)).split("\\s+")) {
          least[c] = Math.max(least[c], width(regular, size, word) + 8);
        }
      }
    }
    for (int c = 0; c < least.length; c++) {
      least[c] = Math.min(least[c], WIDTH / 2);
    }
    return least;
  }

  private void widths(Report.TableBlock t, float size, float[] w) throws IOException {
    for (int c = 0; c < w.length; c++) {
      w[c] = width(bold, size, t.header().get(c)) + 8;
      for (List<Report.Cell> r : t.rows()) {
        w[c] = Math.max(w[c], width(regular, size, shown(r.get(c))) + 8);
      }
    }
  }

  private static float sum(float[] w) {
    float total = 0;
    for (float v : w) {
      total += v;
    }
    return total;
  }

  private void header(Report.TableBlock t, float[] w, float size, float row) throws IOException {
    float x = MARGIN;
    for (int c = 0; c < w.length; c++) {
      String h = t.header().get(c);
      float tx = c == 0 ? x + 4 : x + w[c] - 4 - width(bold, size, h);
      text(bold, size, h, tx, y - size - 2);
      x += w[c];
    }
    y -= row;
    cs.moveTo(MARGIN, y + 2);
    cs.lineTo(x, y + 2);
    cs.setLineWidth(0.5f);
    cs.stroke();
  }

  private static String shown(Report.Cell c) {
    return c.status() == Report.Status.UNRELIABLE ? c.text() + "*" : c.text();
  }

  private void figure(Report.FigureBlock f, int no, boolean nl) throws IOException {
    float scale = Math.min(1f, WIDTH / f.figure().width());
    PDRectangle page = PAGE;
    boolean turned = scale < MIN_FIGURE_SCALE;
    if (turned) {
      // a page of its own, turned, where the figure is drawn larger; the text goes on on a new portrait page
      page = LANDSCAPE;
      newPage(page);
      scale = Math.min(1f, (page.getWidth() - 2 * MARGIN) / f.figure().width());
    }
    float h = f.figure().height() * scale;
    float maxH = page.getHeight() - 2 * MARGIN - 30;
    if (h > maxH) {
      scale *= maxH / h;
      h = maxH;
    }
    need(h + 30);
    PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.figure().width(), f.figure().height());
    try {
      f.figure().paint(g);
    } finally {
      g.dispose();
    }
    PDFormXObject form = g.getXFormObject();
    cs.saveGraphicsState();
    cs.transform(new Matrix(scale, 0, 0, scale, MARGIN, y - h));
    cs.drawForm(form);
    cs.restoreGraphicsState();
    y -= h + 4;
    for (String line : wrap((Words.of(nl).get("pdfReport.figure")) + no + ". " + f.caption(), regular, 8.5f, WIDTH)) {
      need(12);
      text(regular, 8.5f, line, MARGIN, y - 9);
      y -= 11;
    }
    y -= 10;
    if (turned) {
      y = MARGIN - 1; // the next block starts a portrait page
    }
  }
}
