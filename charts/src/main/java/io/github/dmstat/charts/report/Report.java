package io.github.dmstat.charts.report;

import io.github.dmstat.charts.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as a document model: sections of headings, paragraphs, tables and figures. Renderers
 * ({@link HtmlReport}, {@link PdfReport}, {@link ReportFiles}) only lay it out; nothing in a
 * report is computed by a renderer. Table cells carry their disclosure status: a suppressed cell
 * holds only the suppression mark, never a value.
 *
 * @param title report title
 * @param subtitle one line under the title (data and date)
 * @param locale language of the labels
 * @param sections the sections in order
 * @param author who wrote it (empty: not named); in the PDF's and the HTML's metadata
 * @param footer a line on every page (empty: none), e.g. that sections use synthetic example data
 */
public record Report(String title, String subtitle, Locale locale, List<Section> sections, String author,
    String footer) {
  /**
   * Checks that no component is null and copies {@code sections}.
   *
   * @param title report title
   * @param subtitle one line under the title (data and date)
   * @param locale language of the labels
   * @param sections the sections in order
   * @param author who wrote it (empty: not named); in the PDF's and the HTML's metadata
   * @param footer a line on every page (empty: none)
   */
  public Report {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(locale, "locale");
    sections = List.copyOf(sections);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(footer, "footer");
  }

  /**
   * A report without an author or footer.
   *
   * @param title report title
   * @param subtitle one line under the title (data and date)
   * @param locale language of the labels
   * @param sections the sections in order
   */
  public Report(String title, String subtitle, Locale locale, List<Section> sections) {
    this(title, subtitle, locale, sections, "", "");
  }

  /**
   * A section: an id (for file names and anchors), a heading and its blocks.
   *
   * @param id lower-case letters, digits and dashes, starting with a letter or digit
   * @param heading the heading
   * @param blocks the content in order
   */
  public record Section(String id, String heading, List<Block> blocks) {
    /**
     * Checks the id and the heading and copies {@code blocks}.
     *
     * @param id lower-case letters, digits and dashes, starting with a letter or digit
     * @param heading the heading
     * @param blocks the content in order
     * @throws IllegalArgumentException when {@code id} is not of that form
     */
    public Section {
      Checks.id(id);
      Objects.requireNonNull(heading, "heading");
      blocks = List.copyOf(blocks);
    }
  }

  /** A piece of content. */
  public sealed interface Block permits Paragraph, TableBlock, FigureBlock {}

  /**
   * Plain text (no markup; renderers escape it).
   *
   * @param text the text
   */
  public record Paragraph(String text) implements Block {
    /**
     * Checks that {@code text} is not null.
     *
     * @param text the text
     */
    public Paragraph {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Disclosure status of a table cell. */
  public enum Status {
    /** Shown as is. */
    OK,
    /** Shown, marked as unreliable (the reliability rule's status of the estimate). */
    UNRELIABLE,
    /** Not shown: the cell holds only the mark. */
    SUPPRESSED
  }

  /**
   * A cell's number: its value and, for an estimate, the bounds of its interval (NaN when it has none).
   *
   * @param value the number, full precision
   * @param lower lower bound of the interval (NaN: none)
   * @param upper upper bound of the interval (NaN: none)
   */
  public record Value(double value, double lower, double upper) {
    /**
     * Whether it has an interval.
     *
     * @return true when {@code lower} or {@code upper} is not NaN
     */
    public boolean interval() {
      return !Double.isNaN(lower) || !Double.isNaN(upper);
    }
  }

  /** The mark a suppressed cell shows instead of a value (CBS convention). */
  public static final String SUPPRESSED_MARK = ".";

  /**
   * A table cell: its text, its status and, for a number, the number itself (with the bounds of
   * its interval for an estimate), which the CSV files write as data. A suppressed cell's text is
   * always {@link #SUPPRESSED_MARK} and it holds no number.
   *
   * @param text the text as shown
   * @param status the disclosure status
   * @param data the number (empty: a text cell, or a number that is not finite)
   */
  public record Cell(String text, Status status, Optional<Value> data) {
    /**
     * Checks that no component is null and that a suppressed cell shows only the mark.
     *
     * @param text the text as shown
     * @param status the disclosure status
     * @param data the number (empty: none)
     * @throws IllegalArgumentException when a suppressed cell's text is not {@link #SUPPRESSED_MARK} or it has a
     *     number
     */
    public Cell {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(data, "data");
      if (status == Status.SUPPRESSED && (!text.equals(SUPPRESSED_MARK) || data.isPresent())) {
        throw new IllegalArgumentException("a suppressed cell must show '" + SUPPRESSED_MARK + "', not a value");
      }
    }

    /**
     * A text cell.
     *
     * @param text the text as shown
     * @param status the disclosure status
     */
    public Cell(String text, Status status) {
      this(text, status, Optional.empty());
    }

    /**
     * A text cell without a disclosure problem.
     *
     * @param text the text as shown
     * @return a cell with status {@link Status#OK} and no number
     */
    public static Cell of(String text) {
      return new Cell(text, Status.OK);
    }

    /**
     * A number shown as {@code text}; a number that is not finite is text only.
     *
     * @param text the number as shown (formatted, rounded)
     * @param value the number itself, which the CSV files write
     * @return a cell with status {@link Status#OK}, without an interval
     */
    public static Cell number(String text, double value) {
      return new Cell(text, Status.OK, Double.isFinite(value) ? Optional.of(new Value(value, Double.NaN, Double.NaN))
          : Optional.empty());
    }

    /**
     * An estimate with its interval shown as {@code text}; an estimate that is not finite is text only.
     *
     * @param text the estimate and interval as shown
     * @param value the estimate itself
     * @param lower lower bound of the interval (NaN: none)
     * @param upper upper bound of the interval (NaN: none)
     * @return a cell with status {@link Status#OK}
     */
    public static Cell estimate(String text, double value, double lower, double upper) {
      return new Cell(text, Status.OK, Double.isFinite(value) ? Optional.of(new Value(value, lower, upper))
          : Optional.empty());
    }

    /**
     * The same cell marked unreliable.
     *
     * @return a cell with this text and number and status {@link Status#UNRELIABLE}
     */
    public Cell asUnreliable() {
      return new Cell(text, Status.UNRELIABLE, data);
    }

    /**
     * A text cell marked unreliable.
     *
     * @param text the text as shown
     * @return a cell with status {@link Status#UNRELIABLE} and no number
     */
    public static Cell unreliable(String text) {
      return new Cell(text, Status.UNRELIABLE);
    }

    /**
     * A suppressed cell.
     *
     * @return a cell that shows {@link #SUPPRESSED_MARK}, with status {@link Status#SUPPRESSED} and no number
     */
    public static Cell suppressed() {
      return new Cell(SUPPRESSED_MARK, Status.SUPPRESSED);
    }
  }

  /**
   * A table with an id (its CSV file name), caption, header, rows and a footnote.
   *
   * @param id lower-case letters, digits and dashes, starting with a letter or digit
   * @param caption the caption
   * @param header the column headings
   * @param rows the rows, each with one cell per heading
   * @param note a footnote (empty: none)
   */
  public record TableBlock(String id, String caption, List<String> header, List<List<Cell>> rows, String note)
      implements Block {
    /**
     * Checks the id, the caption and the row lengths and copies the lists; a null {@code note} is empty.
     *
     * @param id lower-case letters, digits and dashes, starting with a letter or digit
     * @param caption the caption
     * @param header the column headings
     * @param rows the rows, each with one cell per heading
     * @param note a footnote (empty or null: none)
     * @throws IllegalArgumentException when {@code id} is not of that form or a row has another number of cells
     *     than the header
     */
    public TableBlock {
      Checks.id(id);
      Objects.requireNonNull(caption, "caption");
      header = List.copyOf(header);
      List<List<Cell>> copy = new ArrayList<>();
      for (List<Cell> r : rows) {
        if (r.size() != header.size()) {
          throw new IllegalArgumentException("table '" + id + "': a row has " + r.size() + " cells but the header has "
              + header.size());
        }
        copy.add(List.copyOf(r));
      }
      rows = List.copyOf(copy);
      note = note == null ? "" : note;
    }

    /**
     * Whether any cell is unreliable.
     *
     * @return true when a cell has status {@link Status#UNRELIABLE}
     */
    public boolean hasUnreliable() {
      return rows.stream().flatMap(List::stream).anyMatch(c -> c.status() == Status.UNRELIABLE);
    }

    /**
     * Whether any cell is suppressed.
     *
     * @return true when a cell has status {@link Status#SUPPRESSED}
     */
    public boolean hasSuppressed() {
      return rows.stream().flatMap(List::stream).anyMatch(c -> c.status() == Status.SUPPRESSED);
    }
  }

  /**
   * A figure with an id (its file name) and caption.
   *
   * @param id lower-case letters, digits and dashes, starting with a letter or digit
   * @param caption the caption
   * @param figure the chart or map
   */
  public record FigureBlock(String id, String caption, Figure figure) implements Block {
    /**
     * Checks the id and that the caption and the figure are not null.
     *
     * @param id lower-case letters, digits and dashes, starting with a letter or digit
     * @param caption the caption
     * @param figure the chart or map
     * @throws IllegalArgumentException when {@code id} is not of that form
     */
    public FigureBlock {
      Checks.id(id);
      Objects.requireNonNull(caption, "caption");
      Objects.requireNonNull(figure, "figure");
    }
  }

  /**
   * Every figure in the report, in order.
   *
   * @return the figure blocks of all sections
   */
  public List<FigureBlock> figures() {
    List<FigureBlock> out = new ArrayList<>();
    for (Section s : sections) {
      for (Block b : s.blocks()) {
        if (b instanceof FigureBlock f) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /**
   * Every table in the report, in order.
   *
   * @return the table blocks of all sections
   */
  public List<TableBlock> tables() {
    List<TableBlock> out = new ArrayList<>();
    for (Section s : sections) {
      for (Block b : s.blocks()) {
        if (b instanceof TableBlock t) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** Ids are file names: lower case letters, digits and dashes. */
  static final class Checks {
    private Checks() {}

    static void id(String id) {
      if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException("report id must be lower-case letters, digits and dashes but was '" + id + "'");
      }
    }
  }
}
