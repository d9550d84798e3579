package io.github.dmstat.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Workbooks are written in a temporary folder, either with the fastexcel writer (what most
 * programs produce) or as hand-written zip + XML (for what only Excel writes: formulas with their
 * saved values, error values, shared rich text, rows without numbers).
 */
class XlsxTest {
  @TempDir
  Path dir;

  /** Writes a workbook with the fastexcel writer. */
  private interface Sheets {
    void fill(Workbook wb) throws IOException;
  }

  private Path write(String name, Sheets sheets) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "dmstat-test", "1.0");
      sheets.fill(wb);
      wb.finish();
    }
    return file;
  }

  private static String csv(Path file, String sheet) {
    return new String(Xlsx.toCsv(file, sheet), StandardCharsets.UTF_8);
  }

  private static String message(Path file, String sheet) {
    return assertThrows(DataException.class, () -> Xlsx.toCsv(file, sheet)).getMessage();
  }

  @Test
  void writesHeaderNumbersTextAndBooleans() throws IOException {
    Path file = write("survey.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Data");
      ws.value(0, 0, "id");
      ws.value(0, 1, "name");
      ws.value(0, 2, "used");
      ws.value(0, 3, "weight");
      ws.value(1, 0, 1);
      ws.value(1, 1, "Amsterdam");
      ws.value(1, 2, true);
      ws.value(1, 3, 0.1);
      ws.value(2, 0, 2);
      ws.value(2, 1, "  Zuid  ");
      ws.value(2, 2, false);
      ws.value(2, 3, 243768.0);
    });
    assertEquals("id,name,used,weight\n1,Amsterdam,true,0.1\n2,  Zuid  ,false,243768\n", csv(file, null));
  }

  @Test
  void writesIntegersWithoutFractionAndDecimalsShortestAndPlain() throws IOException {
    Path file = write("numbers.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(0, 0, "x");
      Number[] values = {243768, 243768.0, new BigDecimal("2.43768E+5"), 0.1, 1e-7, -0.5, 0.1 + 0.2, 123456.789,
          1e20, 2e21, 1.5e-25, -0.0, 9007199254740993L, 1e308};
      for (int i = 0; i < values.length; i++) {
        ws.value(i + 1, 0, values[i]);
      }
    });
    assertEquals("x\n243768\n243768\n243768\n0.1\n0.0000001\n-0.5\n0.30000000000000004\n123456.789\n"
        + "100000000000000000000\n2E+21\n1.5E-25\n0\n9007199254740992\n1E+308\n", csv(file, null));
  }

  @Test
  void numbersReadBackAsTheSameDouble() {
    double[] values = {0.1, 1e-7, 1.0 / 3, 2.0 / 3 * 1e15, Math.PI * 1e-20, Math.E * 1e20, Double.MIN_VALUE,
        Double.MAX_VALUE, -123.456e-10, 4.35, 100};
    for (double v : values) {
      String s = Xlsx.number(new BigDecimal(Double.toString(v)));
      assertEquals(v, Double.parseDouble(s), s);
      assertTrue(s.length() <= 40, s);
    }
  }

  @Test
  void quotesTextWithCommaQuoteOrLineBreak() throws IOException {
    Path file = write("text.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(0, 0, "label");
      ws.value(0, 1, "note");
      ws.value(1, 0, "a,b");
      ws.value(1, 1, "say \"hi\"");
      ws.value(2, 0, "two\nlines");
      ws.value(2, 1, "ß ü €");
      ws.inlineString(3, 0, "cr\r\nlf");
      ws.value(3, 1, "'=1+1");
    });
    assertEquals("label,note\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",ß ü €\n\"cr\r\nlf\",'=1+1\n",
        csv(file, null));
  }

  @Test
  void keepsLineNumbersAcrossEmptyAndAbsentRows() throws IOException {
    Path file = write("gaps.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(1, 0, "id");      // row 1 empty: a title row left blank
      ws.value(1, 1, "n");
      ws.value(2, 0, 1);
      ws.value(2, 1, 10);
      ws.style(3, 0).bold().set(); // row 4: formatted but empty
      ws.value(3, 1, "");          // and an empty text cell
      ws.value(5, 0, 3);           // row 5 absent, row 6
      ws.value(5, 1, 30);
      ws.style(9, 0).bold().set(); // trailing formatted rows are dropped
    });
    String out = csv(file, null);
    assertEquals("\nid,n\n1,10\n\n\n3,30\n", out);
    Table t = readCsv(out);
    assertEquals(2, t.rowCount());
    assertEquals("3", t.stringColumn("id").get(1));
  }

  @Test
  void padsShortRowsToTheWidestRowAndIgnoresEmptyCellsBeyond() throws IOException {
    Path file = write("ragged.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(0, 0, "a");
      ws.value(0, 1, "b");
      ws.style(0, 5).bold().set();  // styled empty cell to the right: no column
      ws.value(1, 0, 1);
      ws.value(1, 1, 2);
      ws.value(1, 3, "x");          // a value beyond the header: widens every line
      ws.value(3, 0, 3);
    });
    assertEquals("a,b,,\n1,2,,x\n\n3,,,\n", csv(file, null));
  }

  @Test
  void writesDatesAsSerialNumbers() throws IOException {
    Path file = write("dates.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(0, 0, "date");
      ws.value(1, 0, LocalDate.of(2024, 1, 15));
      ws.style(1, 0).format("yyyy-mm-dd").set();
    });
    assertEquals("date\n45306\n", csv(file, null));
  }

  private Path twoSheets() throws IOException {
    return write("survey.xlsx", wb -> {
      Worksheet a = wb.newWorksheet("Blad1");
      a.value(0, 0, "first");
      a.value(1, 0, 1);
      Worksheet b = wb.newWorksheet("Blad2");
      b.value(0, 0, "second");
      b.value(1, 0, 2);
    });
  }

  @Test
  void selectsSheetByNameOrNumber() throws IOException {
    Path file = twoSheets();
    assertEquals("first\n1\n", csv(file, null));
    assertEquals("second\n2\n", csv(file, "Blad2"));
    assertEquals("second\n2\n", csv(file, "2"));
    assertEquals("first\n1\n", csv(file, "1"));
  }

  @Test
  void sheetNameWinsOverNumber() throws IOException {
    Path file = write("years.xlsx", wb -> {
      wb.newWorksheet("2019").value(0, 0, "y2019");
      wb.newWorksheet("2").value(0, 0, "named 2");
    });
    assertEquals("y2019\n", csv(file, "2019"));
    assertEquals("named 2\n", csv(file, "2"));
    assertEquals("y2019\n", csv(file, "1"));
  }

  @Test
  void unknownSheetListsTheSheets() throws IOException {
    Path file = twoSheets();
    assertEquals("survey.xlsx: sheet 'Data' not found; sheets: [Blad1, Blad2]", message(file, "Data"));
    assertEquals("survey.xlsx: sheet 'blad2' not found; sheets: [Blad1, Blad2]", message(file, "blad2"));
    assertEquals("survey.xlsx: sheet 3 not found (sheets are counted from 1); 2 sheets: [Blad1, Blad2]",
        message(file, "3"));
    assertEquals("survey.xlsx: sheet 0 not found (sheets are counted from 1); 2 sheets: [Blad1, Blad2]",
        message(file, "0"));
  }

  @Test
  void emptySheetIsAnError() throws IOException {
    Path file = write("survey.xlsx", wb -> {
      wb.newWorksheet("Leeg").style(2, 2).bold().set();
      wb.newWorksheet("Data").value(0, 0, "x");
    });
    assertEquals("survey.xlsx: sheet 'Leeg' is empty; sheets: [Leeg, Data]", message(file, null));
  }

  @Test
  void defaultSheetIsTheFirstVisibleOne() throws IOException {
    Path file = write("hidden.xlsx", wb -> {
      Worksheet lookup = wb.newWorksheet("Codes");
      lookup.value(0, 0, "code");
      lookup.setVisibilityState(VisibilityState.HIDDEN);
      wb.newWorksheet("Data").value(0, 0, "x");
    });
    assertEquals("x\n", csv(file, null));
    assertEquals("code\n", csv(file, "1"));
  }

  @Test
  void rejectsFilesThatAreNotXlsx() throws IOException {
    Path csv = Files.writeString(dir.resolve("survey.xlsx"), "id,n\n1,2\n");
    assertEquals("survey.xlsx: not an .xlsx workbook (an .xlsx file is a zip archive; this one is not)",
        message(csv, null));

    Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
    assertEquals("empty.xlsx: not an .xlsx workbook (an .xlsx file is a zip archive; this file is empty)",
        message(empty, null));

    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
    Path xls = Files.write(dir.resolve("old.xls"), ole2);
    assertEquals("old.xls: is an old binary Excel (.xls) file or an encrypted workbook, which cannot be read; "
        + "save it as .xlsx (without a password) or as CSV (UTF-8)", message(xls, null));

    Path zip = zip("other.xlsx", Map.of("readme.txt", "not a workbook"));
    String m = message(zip, null);
    assertTrue(m.startsWith("other.xlsx: not an .xlsx workbook ("), m);
    assertTrue(m.contains("[Content_Types].xml"), m);

    Path truncated = Files.write(dir.resolve("cut.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
    assertTrue(message(truncated, null).startsWith("cut.xlsx: not an .xlsx workbook ("));

    assertEquals("missing.xlsx: file not found", message(dir.resolve("missing.xlsx"), null));
  }

  @Test
  void formulaWithoutSavedValueIsAnError() throws IOException {
    Path file = write("survey.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(0, 0, "a");
      ws.value(0, 1, "b");
      ws.value(1, 0, 2);
      ws.formula(1, 1, "A2*2");
    });
    assertEquals("survey.xlsx: line 2: cell B2 has a formula (=A2*2) without a saved value; open the file in "
        + "Excel or LibreOffice and save it", message(file, null));
  }

  @Test
  void readsSavedFormulaValuesErrorsAndSharedRichText() throws IOException {
    String sheet = row(1, "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>")
        + row(2, "<c r=\"A2\"><v>21</v></c><c r=\"B2\"><f>A2*2</f><v>42</v></c>"
            + "<c r=\"C2\" t=\"str\"><f>\"x\"&amp;A2</f><v>x21</v></c>")
        + row(3, "<c r=\"A3\"><v>9.9999999999999995E-8</v></c><c r=\"B3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
            + "<c r=\"C3\" t=\"e\"><v>#N/A</v></c>")
        + row(4, "<c r=\"A4\" t=\"b\"><f>A2&gt;1</f><v>1</v></c><c r=\"B4\" t=\"str\"><f>\"\"</f><v></v></c>"
            + "<c r=\"C4\" t=\"inlineStr\"><is><t>inline, text</t></is></c>")
        // a row and cells without numbers follow the previous ones
        + "<row><c><v>5</v></c><c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c></row>";
    String shared = "<si><t>n</t></si><si><r><t>dou</t></r><r><rPr><b/></rPr><t>ble</t></r></si><si><t>text</t></si>"
        + "<si><t>a_x000D_\nb</t></si><si><t>lit_x005F_x0041_</t></si>";
    Path file = xlsx("formulas.xlsx", sheet, shared);
    assertEquals("n,double,text\n21,42,x21\n0.0000001,#DIV/0!,#N/A\ntrue,,\"inline, text\"\n5,\"a\r\nb\",lit_x0041_\n",
        csv(file, null));
  }

  @Test
  void resultReadsAsCsvWithTheSameRows() throws IOException {
    Path file = write("survey.xlsx", wb -> {
      Worksheet ws = wb.newWorksheet("Blad1");
      ws.value(0, 0, "id");
      ws.value(0, 1, "label");
      ws.value(1, 0, 7);
      ws.value(1, 1, "a,\"b\"");
      ws.value(3, 0, 8);
    });
    Table t = readCsv(csv(file, null));
    assertEquals(2, t.rowCount());
    assertEquals("a,\"b\"", t.stringColumn("label").get(0));
    assertEquals("", t.stringColumn("label").get(1));
  }

  @Test
  void unescapesOnlyCompleteEscapes() {
    assertEquals("a\rb", Xlsx.unescape("a_x000D_b"));
    assertEquals("_x00", Xlsx.unescape("_x00"));
    assertEquals("_x00G0_", Xlsx.unescape("_x00G0_"));
    assertEquals("_x0041_", Xlsx.unescape("_x005F_x0041_"));
  }

  private static Table readCsv(String text) throws IOException {
    return Csv.read(new StringReader(text), "test.csv", "test");
  }

  private static String row(int r, String cells) {
    return "<row r=\"" + r + "\">" + cells + "</row>";
  }

  /** A minimal workbook as Excel writes it: one sheet, shared strings. */
  private Path xlsx(String name, String sheetData, String sharedStrings) throws IOException {
    String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        + "</Types>");
    parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<workbook xmlns=\"" + ns + "\" xmlns:r=\"" + rel + "\">"
        + "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>");
    parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<worksheet xmlns=\"" + ns + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
    parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<sst xmlns=\"" + ns + "\">" + sharedStrings + "</sst>");
    return zip(name, parts);
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path file = dir.resolve(name);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return file;
  }
}
