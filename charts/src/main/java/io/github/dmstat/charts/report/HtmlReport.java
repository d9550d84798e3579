package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Words;
import io.github.dmstat.charts.XmlText;
import io.github.dmstat.charts.Export;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report as one self-contained HTML file: styles inline, every chart inline as SVG, no
 * scripts, no network. Every text that comes from data is escaped.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Writes {@code index.html} into {@code dir} and returns its path; the figures are rendered here.
   *
   * @param report the report
   * @param dir the folder, created when missing; an existing {@code index.html} is replaced
   * @return the path of {@code index.html}
   * @throws UncheckedIOException when the folder or the file cannot be written
   */
  public static Path write(Report report, Path dir) {
    return write(html(report), dir);
  }

  /**
   * As {@link #write(Report, Path)}, with the figures' SVG rendered before.
   *
   * @param report the report
   * @param rendered the figures of {@code report} ({@link RenderedFigures#of})
   * @param dir the folder, created when missing; an existing {@code index.html} is replaced
   * @return the path of {@code index.html}
   * @throws UncheckedIOException when the folder or the file cannot be written
   */
  public static Path write(Report report, RenderedFigures rendered, Path dir) {
    return write(html(report, rendered), dir);
  }

  private static Path write(String html, Path dir) {
    Path file = dir.resolve("index.html");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** Text of three words or more (it may wrap in a table cell). */
  static boolean prose(String s) {
    return s.strip().split("\\s+").length >= 3 && s.chars().filter(Character::isLetter).count() > 8;
  }

  /**
   * The HTML text; the figures are rendered here.
   *
   * @param r the report
   * @return the whole HTML document
   */
  public static String html(Report r) {
    return html(r, f -> Export.svgText(f.figure()));
  }

  /**
   * The HTML text, with the figures' SVG rendered before.
   *
   * @param r the report
   * @param rendered the figures of {@code r} ({@link RenderedFigures#of})
   * @return the whole HTML document
   */
  public static String html(Report r, RenderedFigures rendered) {
    return html(r, f -> rendered.svg(f.id()));
  }

  private static String html(Report r, java.util.function.Function<Report.FigureBlock, String> svg) {
    boolean nl = "nl".equals(r.locale().getLanguage());
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(Words.of(nl).get("htmlReport.en")).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(r.author().isBlank() ? "" : "<meta name=\"author\" content=\"" + esc(r.author()) + "\">\n")
        .append("<title>").append(esc(r.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<header><h1>").append(esc(r.title())).append("</h1><p class=\"sub\">").append(esc(r.subtitle()))
        .append("</p>\n<nav><ol>");
    for (Report.Section s : r.sections()) {
      sb.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.heading())).append("</a></li>");
    }
    sb.append("</ol></nav></header>\n<main>\n");
    int figureNo = 0;
    int tableNo = 0;
    for (Report.Section s : r.sections()) {
      sb.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.heading())).append("</h2>\n");
      for (Report.Block b : s.blocks()) {
        if (b instanceof Report.Paragraph p) {
          sb.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (b instanceof Report.TableBlock t) {
          tableNo++;
          table(sb, t, tableNo, nl);
        } else if (b instanceof Report.FigureBlock f) {
          figureNo++;
          sb.append("<figure id=\"fig-").append(f.id()).append("\" class=\"chart\">\n")
              .append(inlineSvg(svg.apply(f), f.caption()))
              .append("\n<figcaption>")
              .append(Words.of(nl).get("htmlReport.figure")).append(figureNo).append(". ").append(esc(f.caption()))
              .append(" <a href=\"figures/").append(f.id()).append(".png\">PNG</a> · <a href=\"figures/").append(f.id())
              .append(".svg\">SVG</a></figcaption>\n</figure>\n");
        }
      }
      sb.append("</section>\n");
    }
    sb.append("</main>\n<footer><p>").append(esc(Words.of(nl).get("htmlReport.made.with.dmstat.suppressed.cells.have.too.few.o")))
        .append(r.footer().isEmpty() ? "" : " " + esc(r.footer()))
        .append("</p></footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, Report.TableBlock t, int no, boolean nl) {
    sb.append("<div class=\"table\" id=\"tab-").append(t.id()).append("\"><table>\n<caption>")
        .append(Words.of(nl).get("htmlReport.table")).append(no).append(". ").append(esc(t.caption()))
        .append(" <a href=\"tables/").append(t.id()).append(".csv\">CSV</a></caption>\n<thead><tr>");
    for (String h : t.header()) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<Report.Cell> row : t.rows()) {
      sb.append("<tr>");
      for (Report.Cell c : row) {
        switch (c.status()) {
          case SUPPRESSED:
            sb.append("<td class=\"suppressed\" title=\"").append(Words.of(nl).get("htmlReport.suppressed")).append("\">")
                .append(Report.SUPPRESSED_MARK).append("</td>");
            break;
          case UNRELIABLE:
            sb.append("<td class=\"unreliable\" title=\"").append(Words.of(nl).get("htmlReport.unreliable")).append("\">")
                .append(esc(c.text())).append("*</td>");
            break;
          default:
            // words may wrap (a long source or reason); numbers and codes stay on one line
            sb.append(prose(c.text()) ? "<td class=\"text\">" : "<td>").append(esc(c.text())).append("</td>");
        }
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody></table>\n");
    StringBuilder notes = new StringBuilder(t.note());
    if (t.hasUnreliable()) {
      notes.append(notes.length() > 0 ? " " : "").append(Words.of(nl).get("htmlReport.unreliable.small.sample.or.large.relative.error"));
    }
    if (t.hasSuppressed()) {
      notes.append(notes.length() > 0 ? " " : "").append(Words.of(nl).get("htmlReport.suppressed.too.few.observations"));
    }
    if (notes.length() > 0) {
      sb.append("<p class=\"note\">").append(esc(notes.toString())).append("</p>\n");
    }
    sb.append("</div>\n");
  }

  /** The SVG document as an inline element with an accessible title. */
  static String inlineSvg(String svg, String caption) {
    int start = svg.indexOf("<svg");
    String body = start >= 0 ? svg.substring(start) : svg;
    int close = body.indexOf('>');
    // the caption as the figure's accessible name (alt text): role, aria-label and a first <title>
    String tag = body.substring(0, close);
    if (tag.endsWith("/")) {
      tag = tag.substring(0, tag.length() - 1);
    }
    return tag + " role=\"img\" aria-label=\"" + esc(caption) + "\">" + "<title>" + esc(caption) + "</title>"
        + body.substring(close + 1);
  }

  /**
   * Escapes text for HTML element content and attribute values.
   *
   * @param text any text
   * @return the text without the characters XML does not allow, and with {@code < > & " '} as entities
   */
  public static String esc(String text) {
    return XmlText.escape(text);
  }


  private static final String CSS = String.join("\n",
      "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:0 auto;max-width:1100px;padding:0 1.5rem 3rem;color:#222;line-height:1.45}",
      "header{border-bottom:3px solid #0072b2;margin-bottom:1.5rem}h1{margin-bottom:.2rem}.sub{color:#555;margin-top:0}",
      "nav ol{columns:2;padding-left:1.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}",
      "figure.chart{margin:1.5rem 0}figure.chart svg{max-width:100%;height:auto;display:block;background:#fff}",
      "figcaption{font-size:.9rem;color:#444;margin-top:.3rem}div.table{overflow-x:auto;margin:1.2rem 0}",
      "table{border-collapse:collapse;font-size:.9rem}caption{text-align:left;font-weight:bold;padding-bottom:.4rem}",
      "th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:right;white-space:nowrap}",
      "th:first-child,td:first-child{text-align:left}th{background:#f3f6fa}td.text{white-space:normal;min-width:12rem}",
      "td.unreliable{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#f2f2f2 4px,#f2f2f2 6px)}",
      "td.suppressed{color:#888;text-align:center}.note{font-size:.85rem;color:#555}footer{margin-top:3rem;font-size:.85rem;color:#666}",
      "");
}
