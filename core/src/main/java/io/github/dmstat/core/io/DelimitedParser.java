package io.github.dmstat.core.io;

import io.github.dmstat.core.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The delimited-text engine behind {@link Csv}: bytes straight into primitive columns.
 *
 * <p>The file is read in blocks that end on a record boundary: at a block's last newline, or, when
 * a block turned out to end inside a quoted cell, at the last newline outside quotes by quote
 * parity, or, when a quote inside an unquoted cell upsets the parity too, as one block. Blocks
 * are parsed in parallel, each into its own partial columns (numbers as
 * {@code double[]}, flags as {@code byte[]}, text as codes into a small dictionary of byte
 * strings, so no {@code String} is made per cell), and the partials are joined in file order.
 * Only the columns asked for are converted; the others are only stepped over. Every cell is
 * checked where it is parsed, and the first problem in file order is reported with its line.
 * Quotes follow RFC 4180 ({@code ""} inside a quoted cell); cells are trimmed.
 */
final class DelimitedParser {
  /**
   * Bytes per parsed block. Small blocks keep little memory in flight (the read buffers and each
   * block's own columns): fresh memory is the dominant cost on a virtual machine that returns
   * free pages to its host. 4 MB blocks took 124 MB of anonymous memory for a 1M-row job, 512 KB
   * 90 MB, and the job 0.36-0.43 s instead of 0.25-0.29 s in process (benchmarks/README.md).
   */
  private static final int BLOCK = 1 << 19;

  private final String source;
  private final ReadOptions options;
  private final Charset charset;
  private final byte delimiter;
  private final byte decimal;
  private final byte thousands;
  private final boolean trimTabs;
  /** The bytes trimmed from both ends of a cell: space, carriage return, and tab unless it is the delimiter. */
  private final boolean[] trimmed = new boolean[256];
  private final List<String> header = new ArrayList<>();
  private int headerLine = 1;
  private ExecutorService joinPool;
  /** Bytes per line of the first block parsed (0 until then): sizes the arrays of the later blocks. */
  private volatile int lineBytes;
  /** Read buffers of the full block size whose blocks are parsed, for the next blocks: fresh memory costs page faults. */
  private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private byte[] buffer(int size) {
    if (size == BLOCK + (1 << 16)) {
      byte[] b = free.poll();
      if (b != null) {
        return b;
      }
    }
    return new byte[size];
  }

  void release(byte[] b) {
    if (b != null && b.length == BLOCK + (1 << 16)) {
      free.offer(b);
    }
  }

  /**
   * A block's own column arrays, once joined into the frame's columns, for the blocks after it:
   * without them every block took fresh memory (120 MB of page faults at 5M rows).
   */
  private final java.util.concurrent.ConcurrentLinkedQueue<double[]> freeNumbers = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> freeFlags = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.ConcurrentLinkedQueue<int[]> freeCodes = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** A spare array of at least {@code n} entries (one that is too short is dropped), else a new one. */
  private double[] doubles(int n) {
    double[] a = freeNumbers.poll();
    return a != null && a.length >= n ? a : new double[n];
  }

  private byte[] bytes(int n) {
    byte[] a = freeFlags.poll();
    return a != null && a.length >= n ? a : new byte[n];
  }

  private int[] ints(int n) {
    int[] a = freeCodes.poll();
    return a != null && a.length >= n ? a : new int[n];
  }

  /** A block's dictionaries of text values, emptied once joined, for the blocks after it. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Dict> freeDicts = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private Dict dict() {
    Dict d = freeDicts.poll();
    return d != null ? d : new Dict();
  }
  private int headerLines;
  private int[] slotOf;
  private String[] slotName;
  private ColumnType[] slotType;
  private int[] whereSlot;
  private byte[][][] whereValues;
  private byte[][] na;
  private byte[][] trueValues;
  private byte[][] falseValues;
  /** Bit k set when a missing-value code has k bytes (all bits: one of 64 bytes or more). */
  private long naLengths;
  /** For a one-byte cell: 2 = a true value, 1 = a false value, 0 = neither. */
  private final byte[] oneByteFlag = new byte[256];
  private final int width;

  private DelimitedParser(String source, ReadOptions options, Charset charset, byte delimiter, int width) {
    this.source = source;
    this.options = options;
    this.charset = charset;
    this.delimiter = delimiter;
    this.decimal = (byte) options.decimalFor((char) delimiter);
    this.thousands = (byte) options.thousands();
    this.trimTabs = delimiter != '\t';
    trimmed[' '] = true;
    trimmed['\r'] = true;
    trimmed['\t'] = trimTabs;
    this.width = width;
  }

  /** Bytes read block by block. */
  interface Input extends java.io.Closeable {
    /** Reads up to {@code len} bytes into {@code b} at {@code off}; -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;

    @Override
    default void close() throws IOException {}
  }

  /** Where the bytes come from; opened again when a file must be parsed a second time. */
  interface Source {
    Input open() throws IOException;

    /** The number of bytes, or -1 when not known. */
    default long size() {
      return -1;
    }
  }

  static Source of(java.nio.file.Path file) {
    return new Source() {
      @Override
      public long size() {
        try {
          return java.nio.file.Files.size(file);
        } catch (IOException e) {
          return -1;
        }
      }

      @Override
      public Input open() throws IOException {
        InputStream in = java.nio.file.Files.newInputStream(file);
        return new Input() {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
          }

          @Override
          public void close() throws IOException {
            in.close();
          }
        };
      }
    };
  }

  static Source of(byte[] content) {
    return new Source() {
      @Override
      public long size() {
        return content.length;
      }

      @Override
      public Input open() {
        return new Input() {
          private int pos;

          @Override
          public int read(byte[] b, int off, int len) {
            if (pos >= content.length) {
              return -1;
            }
            int k = Math.min(len, content.length - pos);
            System.arraycopy(content, pos, b, off, k);
            pos += k;
            return k;
          }
        };
      }
    };
  }

  /**
   * Parses {@code in}. {@code want} maps column names to their types (in any order); {@code null}
   * reads every column as {@link ColumnType#AUTO}.
   */
  static Frame parse(Source src, String source, ReadOptions options, Map<String, ColumnType> want) throws IOException {
    return parse(src, source, options, want, want == null ? ColumnType.AUTO : null);
  }

  /**
   * As {@link #parse(Source, String, ReadOptions, Map)}; {@code want == null} reads every column
   * as {@code all}; with both, the columns of {@code want} that the file has are read as given and
   * every other column as {@code all}. Blocks are first cut at their last newline; when a block turns out to end
   * inside a quoted cell (a cell with a line break), the file is read again with blocks cut by
   * quote parity; when that fails too (a quote inside an unquoted cell, which is text, upsets the
   * parity), the file is read as one block.
   */
  static Frame parse(Source src, String source, ReadOptions options, Map<String, ColumnType> want, ColumnType all)
      throws IOException {
    long size = src.size();
    for (int cut : new int[] {CUT_AT_NEWLINE, CUT_BY_PARITY}) {
      try (Input in = src.open()) {
        Frame f = parse(in, size, source, options, want, all, cut);
        if (f != null) {
          return f;
        }
      }
    }
    try (Input in = src.open()) {
      return parse(in, size, source, options, want, all, ONE_BLOCK);
    }
  }

  /** How the file is cut into blocks: at the last newline of a block, at the last newline outside quotes, not at all. */
  private static final int CUT_AT_NEWLINE = 0;
  private static final int CUT_BY_PARITY = 1;
  private static final int ONE_BLOCK = 2;

  private static Frame parse(Input in, long size, String source, ReadOptions options, Map<String, ColumnType> want,
      ColumnType all, int cut) throws IOException {
    byte[] first = new byte[1 << 16];
    int len = fill(in, first, 0);
    int start = 0;
    Charset cs = options.encoding();
    if (len >= 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF) {
      start = 3;
      cs = StandardCharsets.UTF_8;
    } else if (len >= 2 && (((first[0] & 0xFF) == 0xFF && (first[1] & 0xFF) == 0xFE)
        || ((first[0] & 0xFF) == 0xFE && (first[1] & 0xFF) == 0xFF))) {
      cs = StandardCharsets.UTF_16;
    }
    if (!asciiCompatible(cs)) {
      // UTF-16 and the like: decode the whole text once and parse it as UTF-8
      byte[] whole = readAll(in, first, len);
      String text = decode(cs, whole, 0, whole.length, source, 0, null);
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      return parse(of(text.getBytes(StandardCharsets.UTF_8)), source, options.withEncoding(StandardCharsets.UTF_8), want,
          all);
    }
    // blank lines before the header (a title row left empty) are counted, not read
    int leading = 0;
    while (true) {
      int j = start;
      while (j < len && (first[j] == ' ' || first[j] == '\t' || first[j] == '\r')) {
        j++;
      }
      if (j < len && first[j] == '\n') {
        start = j + 1;
        leading++;
      } else {
        break;
      }
    }
    // the header record, growing the first block until it is complete
    int headerEnd;
    while ((headerEnd = recordEnd(first, start, len)) < 0) {
      if (len == first.length) {
        first = Arrays.copyOf(first, first.length * 2);
      }
      int k = in.read(first, len, first.length - len);
      if (k < 0) {
        headerEnd = len;
        break;
      }
      len += k;
    }
    if (isBlank(first, start, headerEnd)) {
      throw new DataException(source, 0, null, null, "empty file (expected a header row and data rows)");
    }
    byte delimiter = options.delimiter().isPresent() ? (byte) options.delimiter().get().charValue()
        : detect(first, start, headerEnd);
    List<int[]> fields = new ArrayList<>();
    int lines = splitHeader(first, start, headerEnd, delimiter, fields);
    DelimitedParser p = new DelimitedParser(source, options, cs, delimiter, fields.size());
    p.headerLine = 1 + leading;
    p.headerLines = lines;
    p.readHeader(first, fields);
    p.bind(want, all);
    return p.run(in, first, headerEnd, len, cut, size);
  }

  // --- header ---

  private static byte detect(byte[] b, int from, int to) {
    byte[] candidates = {',', ';', '\t', '|'};
    int[] counts = new int[candidates.length];
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      if (b[i] == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        for (int k = 0; k < candidates.length; k++) {
          if (b[i] == candidates[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < candidates.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return candidates[best];
  }

  /** Splits the header record into field ranges {start, end, escaped}; returns the lines it spans. */
  private static int splitHeader(byte[] b, int from, int to, byte delimiter, List<int[]> out) {
    int i = from;
    int lines = 1;
    while (true) {
      int s = i;
      while (s < to && b[s] == ' ') {
        s++;
      }
      if (s < to && b[s] == '"') {
        int cs = s + 1;
        int j = cs;
        boolean esc = false;
        while (j < to) {
          if (b[j] == '"') {
            if (j + 1 < to && b[j + 1] == '"') {
              esc = true;
              j += 2;
              continue;
            }
            break;
          }
          if (b[j] == '\n') {
            lines++;
          }
          j++;
        }
        out.add(new int[] {cs, Math.min(j, to), esc ? 1 : 0});
        i = j + 1;
        while (i < to && b[i] != delimiter && b[i] != '\n') {
          i++;
        }
      } else {
        int j = i;
        while (j < to && b[j] != delimiter && b[j] != '\n') {
          j++;
        }
        out.add(new int[] {i, j, 0});
        i = j;
      }
      if (i < to && b[i] == delimiter) {
        i++;
        continue;
      }
      return lines;
    }
  }

  private void readHeader(byte[] b, List<int[]> fields) {
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < fields.size(); c++) {
      int[] f = fields.get(c);
      byte[] cell = f[2] == 1 ? unescape(b, f[0], f[1]) : b;
      int s = f[2] == 1 ? 0 : f[0];
      int e = f[2] == 1 ? cell.length : f[1];
      String name = decode(charset, cell, s, e, source, headerLine, null).strip();
      if (name.startsWith("\uFEFF")) {
        name = name.substring(1).strip();
      }
      if (name.isEmpty()) {
        throw new DataException(source, headerLine, null, null, "header column " + (c + 1) + " has no name");
      }
      if (!seen.add(name)) {
        throw new DataException(source, headerLine, null, null, "duplicate column name '" + DataException.show(name) + "'");
      }
      header.add(name);
    }
  }

  private void bind(Map<String, ColumnType> want, ColumnType all) {
    Map<String, ColumnType> w = new LinkedHashMap<>();
    if (want == null) {
      for (String h : header) {
        w.put(h, all);
      }
    } else if (all == null) {
      w.putAll(want);
    } else {
      for (String h : header) {
        w.put(h, want.getOrDefault(h, all));
      }
    }
    for (ReadOptions.Where f : options.where()) {
      w.putIfAbsent(f.column(), ColumnType.TEXT);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      index.put(header.get(c), c);
    }
    slotOf = new int[width];
    Arrays.fill(slotOf, -1);
    List<String> names = new ArrayList<>();
    List<ColumnType> types = new ArrayList<>();
    // slots in file order, so that the frame lists columns as the file does
    for (int c = 0; c < header.size(); c++) {
      ColumnType t = w.get(header.get(c));
      if (t != null) {
        slotOf[c] = names.size();
        names.add(header.get(c));
        types.add(t);
      }
    }
    for (String name : w.keySet()) {
      if (!index.containsKey(name)) {
        throw new DataException(source, 0, null, null, Checks.unknownColumn(name, header).getMessage());
      }
    }
    slotName = names.toArray(new String[0]);
    slotType = types.toArray(new ColumnType[0]);
    whereSlot = new int[options.where().size()];
    whereValues = new byte[whereSlot.length][][];
    for (int k = 0; k < whereSlot.length; k++) {
      ReadOptions.Where f = options.where().get(k);
      whereSlot[k] = slotOf[index.get(f.column())];
      whereValues[k] = encode(f.values(), false);
    }
    na = encode(options.naValues(), false);
    trueValues = encode(options.trueValues(), true);
    falseValues = encode(options.falseValues(), true);
    for (byte[] v : na) {
      if (v.length < 64) {
        naLengths |= 1L << v.length;
      } else {
        naLengths = -1L;
      }
    }
    // one-byte outcome codes ("1", "0", "j", ...) looked up in a table, both cases
    for (byte[] v : trueValues) {
      if (v.length == 1) {
        oneByteFlag[v[0] & 0xFF] = 2;
        if (v[0] >= 'a' && v[0] <= 'z') {
          oneByteFlag[v[0] - 32] = 2;
        }
      }
    }
    for (byte[] v : falseValues) {
      if (v.length == 1) {
        oneByteFlag[v[0] & 0xFF] = 1;
        if (v[0] >= 'a' && v[0] <= 'z') {
          oneByteFlag[v[0] - 32] = 1;
        }
      }
    }
    slotKind = new byte[slotType.length];
    for (int k = 0; k < slotType.length; k++) {
      ColumnType t = slotType[k];
      slotKind[k] = t == ColumnType.FLAG ? FLAG_CELL : t == ColumnType.NUMBER ? NUMBER_CELL
          : t == ColumnType.COUNT || t == ColumnType.INTEGER ? WHOLE_CELL : TEXT_CELL;
    }
    fused = whereSlot.length == 0;
  }

  private static final byte NUMBER_CELL = 0;
  private static final byte WHOLE_CELL = 1;
  private static final byte FLAG_CELL = 2;
  private static final byte TEXT_CELL = 3;
  /** The kind of each slot's cells, for the fused path (one of the constants above). */
  private byte[] slotKind;
  /**
   * Whether cells may take the fused path of {@link Chunk#fastCell} (not with --where filters,
   * which need the cells of a row before any is converted).
   */
  private boolean fused;

  private byte[][] encode(List<String> values, boolean lower) {
    byte[][] out = new byte[values.size()][];
    for (int k = 0; k < out.length; k++) {
      String v = lower ? values.get(k).toLowerCase(Locale.ROOT) : values.get(k);
      out[k] = v.getBytes(charset);
    }
    return out;
  }

  // --- blocks ---

  private Frame run(Input in, byte[] first, int dataStart, int len, int cut, long size) throws IOException {
    Gather gather = new Gather(size);
    if (cut == ONE_BLOCK) {
      byte[] whole = readAll(in, first, len);
      Chunk c = new Chunk(this, whole, dataStart, whole.length).parse();
      gather.add(c);
      return gather.finish(List.of(c));
    }
    boolean parity = cut == CUT_BY_PARITY;
    int threads = Math.max(1, options.threads());
    List<Chunk> chunks = new ArrayList<>();
    List<Future<Chunk>> futures = new ArrayList<>();
    ExecutorService pool = null;
    try {
      byte[] buf = first;
      int from = dataStart;
      int end = len;
      boolean eof = false;
      // small blocks first, so that both threads start early and the JIT has compiled the record
      // parser before the large blocks come
      int block = 1 << 18;
      while (true) {
        if (!eof && end - from < block) {
          // top up the current buffer to a block
          if (buf.length - from < block + (1 << 16)) {
            byte[] nb = new byte[Math.max(block + (1 << 16), (end - from) * 2)];
            System.arraycopy(buf, from, nb, 0, end - from);
            end -= from;
            from = 0;
            buf = nb;
          }
          int want = Math.min(buf.length - end, block + (1 << 16) - (end - from));
          int k = fill(in, buf, end, want);
          eof = k < want;
          end += k;
        }
        if (eof) {
          if (end > from) {
            chunks.add(new Chunk(this, buf, from, end).parse());
            if (pool == null) {
              gather.add(chunks.get(chunks.size() - 1));
            }
          }
          break;
        }
        int split = parity ? split(buf, from, end) : lastNewline(buf, from, end);
        if (split < 0) {
          // one record longer than the buffer (or a stray quote): grow it
          byte[] nb = new byte[(end - from) * 2];
          System.arraycopy(buf, from, nb, 0, end - from);
          end -= from;
          from = 0;
          buf = nb;
          int k = fill(in, buf, end, buf.length - end);
          eof = k < buf.length - end;
          end += k;
          continue;
        }
        Chunk c = new Chunk(this, buf, from, split);
        chunks.add(c);
        if (pool == null && threads > 1) {
          pool = Executors.newFixedThreadPool(threads, new ReadThreads());
        }
        if (pool != null) {
          futures.add(pool.submit((java.util.concurrent.Callable<Chunk>) c));
          // bound the blocks in flight
          while (futures.size() - done(futures) > threads + 1) {
            waitFor(firstPending(futures));
          }
          // blocks parsed so far, in file order, into the columns: their own arrays can go
          while (gather.next < futures.size() && futures.get(gather.next).isDone()) {
            waitFor(futures.get(gather.next));
            gather.add(chunks.get(gather.next));
          }
        } else {
          c.parse();
          gather.add(c);
        }
        // the rest of this buffer starts the next block
        block = Math.min(BLOCK, block * 2);
        int rest = end - split;
        byte[] nb = buffer(Math.max(block + (1 << 16), rest * 2));
        System.arraycopy(buf, split, nb, 0, rest);
        buf = nb;
        from = 0;
        end = rest;
      }
      for (Future<Chunk> f : futures) {
        waitFor(f);
      }
      while (gather.next < chunks.size()) {
        gather.add(chunks.get(gather.next));
      }
      for (int c = 0; c + 1 < chunks.size(); c++) {
        if (chunks.get(c).openQuote) {
          return null; // a block ended inside a quoted cell: cut by quote parity instead
        }
      }
      joinPool = pool;
      return gather.finish(chunks);
    } finally {
      joinPool = null;
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The reading threads (daemons). A class, not a lambda: the first lambda of a run links the
   * method-handle machinery and spins a class at run time (~4 ms of a short command).
   */
  private static final class ReadThreads implements java.util.concurrent.ThreadFactory {
    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "dmstat-read");
      t.setDaemon(true);
      return t;
    }
  }

  private static int done(List<Future<Chunk>> futures) {
    int n = 0;
    for (Future<Chunk> f : futures) {
      if (f.isDone()) {
        n++;
      }
    }
    return n;
  }

  private static Future<Chunk> firstPending(List<Future<Chunk>> futures) {
    for (Future<Chunk> f : futures) {
      if (!f.isDone()) {
        return f;
      }
    }
    return futures.get(futures.size() - 1);
  }

  private static void waitFor(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IOException(c);
    }
  }

  static int count(byte[] b, int from, int to, byte what) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == what) {
        n++;
      }
    }
    return n;
  }

  /** After the last newline in {@code b[from, to)}, or -1. */
  private static int lastNewline(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The end of the last complete record in {@code b[from, to)} by quote parity, or -1. */
  private static int split(byte[] b, int from, int to) {
    int quotes = count(b, from, to, (byte) '"');
    int tail = 0;
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == '"') {
        tail++;
      } else if (b[i] == '\n' && ((quotes - tail) & 1) == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The end of the first record (after its newline) in {@code b[from, to)}, or -1 when incomplete. */
  private static int recordEnd(byte[] b, int from, int to) {
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      if (b[i] == '"') {
        quoted = !quoted;
      } else if (b[i] == '\n' && !quoted) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  private static int fill(Input in, byte[] b, int off) throws IOException {
    return fill(in, b, off, b.length - off);
  }

  private static int fill(Input in, byte[] b, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      int k = in.read(b, off + n, len - n);
      if (k < 0) {
        break;
      }
      n += k;
    }
    return n;
  }

  private static byte[] readAll(Input in, byte[] first, int len) throws IOException {
    byte[] b = Arrays.copyOf(first, Math.max(first.length, len));
    int n = len;
    while (true) {
      if (n == b.length) {
        b = Arrays.copyOf(b, b.length * 2);
      }
      int k = in.read(b, n, b.length - n);
      if (k < 0) {
        return Arrays.copyOf(b, n);
      }
      n += k;
    }
  }

  private static boolean asciiCompatible(Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)
        || cs.name().equals("windows-1252")) {
      return true;
    }
    byte[] probe = ",;\t|\"\n\r .0123456789azAZ".getBytes(StandardCharsets.US_ASCII);
    try {
      return Arrays.equals(",;\t|\"\n\r .0123456789azAZ".getBytes(cs), probe);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  static byte[] unescape(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      out[n++] = b[i];
      if (b[i] == '"' && i + 1 < to && b[i + 1] == '"') {
        i++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Strict decoding; invalid text is an error naming line and column and suggesting an encoding. */
  static String decode(Charset cs, byte[] b, int from, int to, String source, long line, String column) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii && asciiCompatible(cs)) {
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = d.decode(ByteBuffer.wrap(b, from, to - from));
      return chars.toString();
    } catch (CharacterCodingException e) {
      String lenient = new String(b, from, to - from, cs);
      String hint = cs.equals(StandardCharsets.UTF_8)
          ? "; the file is not UTF-8: pass --encoding windows-1252 (Excel on Windows) or the file's own encoding"
          : "; pass --encoding with the file's own encoding";
      throw new DataException(source, line, column, lenient, "is not valid " + cs.name() + " text" + hint);
    }
  }

  // --- one block ---

  /** A block of whole records and the partial columns parsed from it. */
  static final class Chunk implements java.util.concurrent.Callable<Chunk> {
    private final DelimitedParser p;
    byte[] buf;
    final int from;
    final int to;
    int rows;
    int newlines;
    /** Line of each row relative to the block, or null while row r is on relative line r (no blank lines, no line breaks in cells, nothing filtered). */
    int[] relLine;
    private int capacity;
    long filtered;
    DataException error;
    long errorRelLine = -1;
    double[][] numbers;
    byte[][] flags;
    int[][] codes;
    Dict[] dicts;
    int[] missing;

    Chunk(DelimitedParser p, byte[] buf, int from, int to) {
      this.p = p;
      this.buf = buf;
      this.from = from;
      this.to = to;
    }

    /** {@link #parse()}, as a task (a method reference would spin a method-handle class at run time). */
    @Override
    public Chunk call() {
      return parse();
    }

    Chunk parse() {
      int slots = p.slotName.length;
      // rows are at most the newlines + 1: counted in the first blocks, later estimated from the bytes
      // per line of the blocks before (a tenth more; grown in the rare block of shorter lines)
      int perLine = p.lineBytes;
      int guess = perLine > 0 ? (int) Math.min(Integer.MAX_VALUE - 16, (to - from) / perLine * 11L / 10 + 64)
          : 1 + count(buf, from, to, (byte) '\n');
      relLine = null;
      capacity = guess;
      numbers = new double[slots][];
      flags = new byte[slots][];
      codes = new int[slots][];
      dicts = new Dict[slots];
      missing = new int[slots];
      for (int k = 0; k < slots; k++) {
        switch (p.slotType[k]) {
          case NUMBER: case COUNT: case INTEGER:
            numbers[k] = p.doubles(guess);
            break;
          case FLAG:
            flags[k] = p.bytes(guess);
            break;
          case TEXT:
            codes[k] = p.ints(guess);
            dicts[k] = p.dict();
            break;
          default:
            codes[k] = new int[guess]; // AUTO: kept until the end
            dicts[k] = new Dict();
        }
      }
      cs = new int[slots];
      ce = new int[slots];
      cb = new byte[slots][];
      fastStamp = new int[slots];
      int i = from;
      while (i < to) {
        i = record(i);
        if (i < 0) {
          return this; // an error, kept in this chunk
        }
      }
      newlines = line;
      if (p.lineBytes == 0 && line > 0) {
        p.lineBytes = Math.max(1, (to - from) / line);
      }
      p.release(buf);
      buf = null;
      return this;
    }

    // one record's cells (start, end and source array of each cell that is read)
    private int[] cs;
    private int[] ce;
    private byte[][] cb;
    private int line;

    /**
     * Parses the record at {@code i} into the partial columns; returns where the next record
     * starts, or -1 after an error. A method per record (not one loop over the block) so that the
     * JIT compiles it after a few thousand records instead of waiting for on-stack replacement.
     */
    private int record(int i) {
      final byte[] b = buf;
      final byte delim = p.delimiter;
      final int width = p.width;
      final int[] slotOf = p.slotOf;
      final boolean[] trim = p.trimmed;
      int recLine = line;
      int f = 0;
      boolean blank = true;
      int slots = cb.length;
      if (rows == capacity) {
        grow(); // before a cell is converted into row 'rows' below
      }
      final int st = ++stamp;
      while (true) {
        int slot = f < width ? slotOf[f] : -1;
        int fastEnd = p.fused && slot >= 0 ? fastCell(slot, b, i, recLine) : -1;
        if (fastEnd >= 0) {
          fastStamp[slot] = st;
          blank = false;
          i = fastEnd;
        } else {
          int start;
          int end;
          byte[] src = b;
          int s = i;
          while (s < to && b[s] == ' ') {
            s++;
          }
          if (s < to && b[s] == '"') {
            blank = false;
            int j = closingQuote(b, s + 1);
            if (j < 0) {
              openQuote = true;
              fail(recLine, null, null, "has an unterminated quoted cell (or a quote inside an unquoted cell before it)");
              return -1;
            }
            start = s + 1;
            end = j;
            i = j + 1;
            while (i < to && (b[i] == ' ' || b[i] == '\r' || (b[i] == '\t' && delim != '\t'))) {
              i++;
            }
            if (i < to && b[i] != delim && b[i] != '\n') {
              fail(line, f < width ? p.header.get(f) : null, null, "has text after a closing quote");
              return -1;
            }
            if (escaped && slot >= 0) {
              src = unescape(b, start, end);
              start = 0;
              end = src.length;
            }
          } else {
            start = i;
            end = cellEnd(b, i, to, delim);
            i = end;
          }
          // trim
          while (start < end && trim[src[start] & 0xFF]) {
            start++;
          }
          while (end > start && trim[src[end - 1] & 0xFF]) {
            end--;
          }
          if (end > start) {
            blank = false;
          }
          if (slot >= 0) {
            cs[slot] = start;
            ce[slot] = end;
            cb[slot] = src;
          }
        }
        f++;
        if (i < to && b[i] == delim) {
          i++;
          continue;
        }
        if (i < to) {
          i++; // the newline
          line++;
        }
        break;
      }
      if (f == 1 && blank) {
        return i; // an empty line
      }
      if (f != width) {
        fail(recLine, null, null, "has " + f + " field" + (f == 1 ? "" : "s") + " but the header has " + width);
        return -1;
      }
      if (p.whereSlot.length > 0 && !keep(cs, ce, cb)) {
        filtered++;
        return i;
      }
      if (relLine != null) {
        relLine[rows] = recLine;
      } else if (recLine != rows) {
        relLine = new int[capacity];
        for (int r = 0; r < rows; r++) {
          relLine[r] = r;
        }
        relLine[rows] = recLine;
      }
      for (int k = 0; k < slots; k++) {
        if (fastStamp[k] != st && !convert(k, cb[k], cs[k], ce[k], recLine)) {
          return -1;
        }
      }
      rows++;
      return i;
    }

    /** The number of the record being parsed; {@link #fastStamp} holds it for the slots {@link #fastCell} converted. */
    private int stamp;
    private int[] fastStamp;

    /**
     * The common cell, found and converted in one pass over its bytes (the general path finds the
     * cell, trims it, and converts it afterwards). Only a cell that this method reads exactly as the
     * general path does is taken: an unquoted, untrimmed cell that is not a missing-value code and is
     * a plain number of at most 15 significant digits (a whole one for counts and integers, not
     * negative for counts), a one-byte outcome code, or text of 1 to 7 bytes. Returns the index of
     * the delimiter or newline that ends the cell (or the end of the block), or -1 when the general
     * path must read the cell; then nothing was written.
     */
    private int fastCell(int k, byte[] b, int i, int recLine) {
      if (i >= to) {
        return -1;
      }
      switch (p.slotKind[k]) {
        case NUMBER_CELL: case WHOLE_CELL:
          return fastNumber(k, b, i);
        case FLAG_CELL: {
          int one = p.oneByteFlag[b[i] & 0xFF];
          int j = i + 1;
          if (one == 0 || p.trimmed[b[i] & 0xFF] || b[i] == '"' || (j < to && b[j] != p.delimiter && b[j] != '\n')) {
            return -1;
          }
          flags[k][rows] = (byte) (one - 1);
          return j;
        }
        default:
          return fastText(k, b, i, recLine);
      }
    }

    private int fastText(int k, byte[] b, int i, int recLine) {
      final byte delim = p.delimiter;
      int limit = Math.min(to, i + 8);
      int j = i;
      long key = 0;
      while (j < limit) {
        byte c = b[j];
        if (c == delim || c == '\n') {
          break;
        }
        key = key << 8 | (c & 0xFF);
        j++;
      }
      int len = j - i;
      if (len == 0 || len == 8 || b[i] == '"' || p.trimmed[b[i] & 0xFF] || p.trimmed[b[j - 1] & 0xFF] || isNa(b, i, j)) {
        return -1;
      }
      codes[k][rows] = dicts[k].shortCode(key, b, i, j, recLine);
      return j;
    }

    private int fastNumber(int k, byte[] b, int i) {
      int j = i;
      boolean negative = b[j] == '-';
      if (negative) {
        j++;
      }
      long mantissa = 0;
      int significant = 0;
      int digits = 0;
      int exponent = 0;
      boolean point = false;
      int decimal = p.decimal == p.delimiter ? -1 << 10 : p.decimal; // never a byte: a decimal mark that is the delimiter ends the cell
      while (j < to) {
        byte c = b[j];
        int d = c - '0';
        if (d >= 0 && d <= 9) {
          digits++;
          if (point) {
            exponent--;
          }
          if (mantissa != 0 || d != 0) {
            if (significant == 15) {
              return -1;
            }
            mantissa = mantissa * 10 + d;
            significant++;
          }
        } else if (c == decimal && !point) {
          point = true;
        } else {
          break;
        }
        j++;
      }
      if (digits == 0 || exponent < -22 || (j < to && b[j] != p.delimiter && b[j] != '\n')
          || (p.slotKind[k] == WHOLE_CELL && (exponent != 0 || (negative && p.slotType[k] == ColumnType.COUNT)))
          || isNa(b, i, j)) {
        return -1;
      }
      double v = Numbers.exact(mantissa, exponent);
      numbers[k][rows] = negative ? -v : v;
      return j;
    }

    private boolean escaped;
    /** The block ended inside a quoted cell. */
    boolean openQuote;

    /** The closing quote of a quoted cell whose text starts at {@code j}, counting newlines; -1 if none. */
    private int closingQuote(byte[] b, int j) {
      escaped = false;
      while (j < to) {
        byte c = b[j];
        if (c == '"') {
          if (j + 1 < to && b[j + 1] == '"') {
            escaped = true;
            j += 2;
            continue;
          }
          return j;
        }
        if (c == '\n') {
          line++;
        }
        j++;
      }
      return -1;
    }

    private static int cellEnd(byte[] b, int j, int to, byte delim) {
      while (j < to) {
        byte c = b[j];
        if (c == delim || c == '\n') {
          return j;
        }
        j++;
      }
      return j;
    }

    private boolean keep(int[] cs, int[] ce, byte[][] cb) {
      for (int k = 0; k < p.whereSlot.length; k++) {
        int slot = p.whereSlot[k];
        if (!matchesAny(p.whereValues[k], cb[slot], cs[slot], ce[slot], false)) {
          return false;
        }
      }
      return true;
    }

    /** Whether the cell is one of the missing-value codes (their lengths checked first). */
    private boolean isNa(byte[] src, int s, int e) {
      int len = e - s;
      long lengths = p.naLengths;
      return (len >= 64 ? lengths == -1L : (lengths & (1L << len)) != 0) && matchesAny(p.na, src, s, e, false);
    }

    private boolean convert(int k, byte[] src, int s, int e, int recLine) {
      int len = e - s;
      switch (p.slotType[k]) {
        case NUMBER: case COUNT: case INTEGER: {
          if (isNa(src, s, e)) {
            numbers[k][rows] = Double.NaN;
            missing[k]++;
            return true;
          }
          double v = Numbers.parse(src, s, e, p.decimal, p.thousands);
          if (Double.isNaN(v)) {
            String text = text(src, s, e);
            fail(recLine, p.slotName[k], text, Numbers.problem(text, (char) p.decimal, (char) p.thousands));
            return false;
          }
          if (Double.isInfinite(v)) {
            fail(recLine, p.slotName[k], text(src, s, e), "is too large for a number (at most about 1.8e308)");
            return false;
          }
          if (p.slotType[k] == ColumnType.COUNT) {
            if (v < 0) {
              fail(recLine, p.slotName[k], text(src, s, e), "is negative; counts are whole numbers >= 0");
              return false;
            }
            if (v != Math.rint(v)) {
              fail(recLine, p.slotName[k], text(src, s, e), Numbers.fractionalCount((char) p.decimal));
              return false;
            }
          } else if (p.slotType[k] == ColumnType.INTEGER) {
            if (v != Math.rint(v)) {
              fail(recLine, p.slotName[k], text(src, s, e), "is not a whole number");
              return false;
            }
            if (Math.abs(v) > 9.007199254740992E15) {
              fail(recLine, p.slotName[k], text(src, s, e), "is too large for a whole number (at most 9007199254740992)");
              return false;
            }
          }
          numbers[k][rows] = v;
          return true;
        }
        case FLAG: {
          int one = len == 1 ? p.oneByteFlag[src[s] & 0xFF] : 0;
          if (one != 0) {
            flags[k][rows] = (byte) (one - 1);
          } else if (matchesAny(p.trueValues, src, s, e, true)) {
            flags[k][rows] = 1;
          } else if (matchesAny(p.falseValues, src, s, e, true)) {
            flags[k][rows] = 0;
          } else if (isNa(src, s, e)) {
            flags[k][rows] = -1;
            missing[k]++;
          } else {
            double v = Numbers.parse(src, s, e, p.decimal, p.thousands);
            if (v == 0 || v == 1) {
              flags[k][rows] = (byte) v;
            } else {
              fail(recLine, p.slotName[k], text(src, s, e), "is not an outcome code: true values " + p.options.trueValues()
                  + ", false values " + p.options.falseValues() + ", missing " + p.options.naValues()
                  + " (see --true-values, --false-values, --na-values)");
              return false;
            }
          }
          return true;
        }
        default: {
          if (isNa(src, s, e)) {
            codes[k][rows] = -1;
            missing[k]++;
          } else {
            codes[k][rows] = dicts[k].code(src, s, e, recLine);
          }
          return true;
        }
      }
    }

    private String text(byte[] src, int s, int e) {
      return new String(src, s, e - s, p.charset);
    }

    private void fail(int recLine, String column, String value, String problem) {
      errorRelLine = recLine;
      error = new DataException(p.source, 0, column, value, problem);
    }

    private void grow() {
      int n = capacity * 2;
      capacity = n;
      if (relLine != null) {
        relLine = Arrays.copyOf(relLine, n);
      }
      for (int k = 0; k < numbers.length; k++) {
        if (numbers[k] != null) {
          numbers[k] = Arrays.copyOf(numbers[k], n);
        }
        if (flags[k] != null) {
          flags[k] = Arrays.copyOf(flags[k], n);
        }
        if (codes[k] != null) {
          codes[k] = Arrays.copyOf(codes[k], n);
        }
      }
    }
  }

  private static boolean matchesAny(byte[][] values, byte[] src, int s, int e, boolean ignoreCase) {
    int len = e - s;
    for (byte[] v : values) {
      if (v.length != len) {
        continue;
      }
      if (!ignoreCase) {
        if (Arrays.equals(v, 0, len, src, s, e)) {
          return true;
        }
      } else {
        boolean same = true;
        for (int i = 0; i < len; i++) {
          byte c = src[s + i];
          if (c >= 'A' && c <= 'Z') {
            c = (byte) (c + 32);
          }
          if (c != v[i]) {
            same = false;
            break;
          }
        }
        if (same) {
          return true;
        }
      }
    }
    return false;
  }

  /** Distinct byte strings of one column of one block, in order of first appearance. */
  static final class Dict {
    byte[] pool = new byte[256];
    int used;
    int[] start = new int[16];
    int[] length = new int[16];
    int[] firstLine = new int[16];
    int size;
    int[] table = new int[64]; // code + 1, 0 = empty
    int[] hashes = new int[16];
    /**
     * Cells of 1 to 7 bytes (most codes), found by one key: the length followed by the bytes,
     * packed into a long (unique and never 0), in their own open-addressing table of keys and codes.
     */
    long[] shortKeys = new long[64];
    int[] shortCodes = new int[64];
    int shortSize;
    /** Levels in {@link #table} (those not of 1 to 7 bytes). */
    int longSize;

    /** Empties this dictionary (its arrays are kept) and returns it. */
    Dict clear() {
      used = 0;
      size = 0;
      shortSize = 0;
      longSize = 0;
      Arrays.fill(table, 0);
      Arrays.fill(shortKeys, 0L);
      return this;
    }

    int code(byte[] b, int s, int e, int line) {
      int len = e - s;
      if (len > 0 && len < 8) {
        long packed = 0;
        for (int i = s; i < e; i++) {
          packed = packed << 8 | (b[i] & 0xFF);
        }
        return shortCode(packed, b, s, e, line);
      }
      return longCode(b, s, e, line);
    }

    /**
     * The code of the cell {@code b[s, e)} of 1 to 7 bytes, whose bytes are {@code packed} (first
     * byte highest). Its key is its length followed by its bytes (unique and never 0).
     */
    int shortCode(long packed, byte[] b, int s, int e, int line) {
      long key = packed | (long) (e - s) << (8 * (e - s));
      long[] keys = shortKeys;
      int mask = keys.length - 1;
      int slot = slot(key, mask);
      while (true) {
        long k = keys[slot];
        if (k == key) {
          return shortCodes[slot];
        }
        if (k == 0) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      int c = add(b, s, e, line);
      keys[slot] = key;
      shortCodes[slot] = c;
      if (++shortSize * 2 > keys.length) {
        rehashShort();
      }
      return c;
    }

    private int longCode(byte[] b, int s, int e, int line) {
      int len = e - s;
      int h = 0x811C9DC5;
      for (int i = s; i < e; i++) {
        h = (h ^ b[i]) * 0x01000193;
      }
      h ^= h >>> 15;
      int mask = table.length - 1;
      int slot = h & mask;
      while (true) {
        int c = table[slot] - 1;
        if (c < 0) {
          break;
        }
        if (hashes[c] == h && length[c] == len && same(pool, start[c], b, s, len)) {
          return c;
        }
        slot = (slot + 1) & mask;
      }
      int c = add(b, s, e, line);
      hashes[c] = h;
      table[slot] = c + 1;
      if (++longSize * 2 > table.length) {
        rehash();
      }
      return c;
    }

    /** A new level: its bytes into the pool; returns its code. */
    private int add(byte[] b, int s, int e, int line) {
      int len = e - s;
      if (size == start.length) {
        int n = size * 2;
        start = Arrays.copyOf(start, n);
        length = Arrays.copyOf(length, n);
        firstLine = Arrays.copyOf(firstLine, n);
        hashes = Arrays.copyOf(hashes, n);
      }
      if (used + len > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(pool.length * 2, used + len));
      }
      System.arraycopy(b, s, pool, used, len);
      start[size] = used;
      length[size] = len;
      firstLine[size] = line;
      used += len;
      return size++;
    }

    /** The first slot of a short key in a table of {@code mask + 1} slots (32 bits of a Fibonacci hash). */
    private static int slot(long key, int mask) {
      return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    private void rehashShort() {
      long[] keys = new long[shortKeys.length * 2];
      int[] codes = new int[keys.length];
      int mask = keys.length - 1;
      for (int i = 0; i < shortKeys.length; i++) {
        long key = shortKeys[i];
        if (key != 0) {
          int slot = slot(key, mask);
          while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = key;
          codes[slot] = shortCodes[i];
        }
      }
      shortKeys = keys;
      shortCodes = codes;
    }

    private static boolean same(byte[] a, int ai, byte[] b, int bi, int len) {
      for (int i = 0; i < len; i++) {
        if (a[ai + i] != b[bi + i]) {
          return false;
        }
      }
      return true;
    }

    private void rehash() {
      int[] t = new int[table.length * 2];
      int mask = t.length - 1;
      for (int c = 0; c < size; c++) {
        if (length[c] > 0 && length[c] < 8) {
          continue; // in the short table
        }
        int slot = hashes[c] & mask;
        while (t[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = c + 1;
      }
      table = t;
    }
  }

  // --- joining the blocks ---

  /**
   * Joins parsed blocks, in file order, into the frame's columns as they come, so that a block's
   * own arrays are dropped at once instead of all waiting for the end. The columns are allocated
   * for the rows that the file's size and the bytes per row so far promise (a few percent more),
   * grown when that was too few, and left longer than the rows read: {@link Frame} cuts a column
   * only when a caller outside the library asks for it (copying 140 MB of columns at 5M rows cost
   * 0.1-0.3 s and a full collection); text codes are
   * mapped to the file's codes in order of first appearance. {@link ColumnType#AUTO} columns are
   * joined at the end.
   */
  private final class Gather {
    /** The file's size in bytes, or -1 when not known. */
    final long size;
    /** Bytes of the blocks added so far. */
    long bytes;
    int next;
    int rows;
    int capacity;
    long base = headerLine + headerLines;
    long filtered;
    DataException error;
    final List<Long> bases = new ArrayList<>();
    final List<int[]> relatives = new ArrayList<>();
    final List<Integer> starts = new ArrayList<>();
    final double[][] numbers = new double[slotName.length][];
    final byte[][] flags = new byte[slotName.length][];
    final int[][] codes = new int[slotName.length][];
    final int[] missing = new int[slotName.length];
    final List<Levels> levels = new ArrayList<>();

    Gather(long size) {
      this.size = size;
      for (int k = 0; k < slotName.length; k++) {
        levels.add(new Levels());
      }
    }

    void add(Chunk ch) throws IOException {
      next++;
      if (error != null) {
        return; // the first error in file order stands (finish() reads again first if a block ended inside a quote)
      }
      bases.add(base);
      starts.add(rows);
      relatives.add(ch.relLine);
      if (ch.error != null) {
        error = ch.error.atLine(base + ch.errorRelLine);
        return;
      }
      bytes += ch.to - ch.from;
      ensure(Math.max(rows + ch.rows, 1)); // at least one slot, also when --where left out every row so far
      for (int k = 0; k < slotName.length; k++) {
        missing[k] += ch.missing[k];
        switch (slotType[k]) {
          case NUMBER: case COUNT: case INTEGER:
            System.arraycopy(ch.numbers[k], 0, numbers[k], rows, ch.rows);
            freeNumbers.offer(ch.numbers[k]);
            ch.numbers[k] = null;
            break;
          case FLAG:
            System.arraycopy(ch.flags[k], 0, flags[k], rows, ch.rows);
            freeFlags.offer(ch.flags[k]);
            ch.flags[k] = null;
            break;
          case TEXT: {
            int[] map = fileCodes(ch.dicts[k], base, k, levels.get(k));
            remap(ch.codes[k], ch.rows, map, codes[k], rows);
            freeCodes.offer(ch.codes[k]);
            freeDicts.offer(ch.dicts[k].clear());
            ch.codes[k] = null;
            ch.dicts[k] = null;
            break;
          }
          default:
            break; // AUTO: at the end
        }
      }
      rows += ch.rows;
      base += ch.newlines;
      filtered += ch.filtered;
    }

    private void ensure(int need) {
      if (need <= capacity) {
        return;
      }
      // the whole file at the rows per byte so far, 3% more (no pass over the file to count its lines);
      // at least an eighth more than before when that is passed, so growing stays rare
      long want = Math.max(need, (long) capacity + (size > 0 ? capacity >> 3 : capacity >> 1) + 1024);
      if (size > 0 && bytes > 0) {
        want = Math.max(want, (long) (need * ((double) size / bytes) * 1.03) + 1024);
      }
      int cap = (int) Math.min(Integer.MAX_VALUE - 16, want);
      for (int k = 0; k < slotName.length; k++) {
        switch (slotType[k]) {
          case NUMBER: case COUNT: case INTEGER:
            numbers[k] = numbers[k] == null ? new double[cap] : Arrays.copyOf(numbers[k], cap);
            break;
          case FLAG:
            flags[k] = flags[k] == null ? new byte[cap] : Arrays.copyOf(flags[k], cap);
            break;
          case TEXT:
            codes[k] = codes[k] == null ? new int[cap] : Arrays.copyOf(codes[k], cap);
            break;
          default:
            break;
        }
      }
      capacity = cap;
    }

    Frame finish(List<Chunk> chunks) throws IOException {
      for (int c = 0; c + 1 < chunks.size(); c++) {
        if (chunks.get(c).openQuote) {
          return null; // a block ended inside a quoted cell: cut by quote parity instead
        }
      }
      if (error != null) {
        throw error;
      }
      if (rows == 0) {
        if (filtered > 0) {
          throw new DataException(source, 0, null, null, "no row matches --where " + options.where() + " (" + filtered
              + " rows read)");
        }
        throw new DataException(source, 0, null, null, "header only, no data rows");
      }
      int blocks = bases.size();
      int[] rowStart = new int[blocks + 1];
      long[] chunkBase = new long[blocks];
      int[][] rel = new int[blocks][];
      for (int c = 0; c < blocks; c++) {
        rowStart[c] = starts.get(c);
        chunkBase[c] = bases.get(c);
        rel[c] = relatives.get(c);
      }
      rowStart[blocks] = rows;
      Frame.Lines lines = new Frame.Lines(rowStart, chunkBase, rel);
      List<Frame.Col> cols = new ArrayList<>();
      for (int k = 0; k < slotName.length; k++) {
        String name = slotName[k];
        ColumnType type = slotType[k];
        switch (type) {
          case NUMBER: case COUNT: case INTEGER:
            cols.add(new Frame.Col(name, type, numbers[k],
                null, null, null, missing[k], type != ColumnType.NUMBER));
            numbers[k] = null;
            break;
          case FLAG:
            cols.add(new Frame.Col(name, type, null, flags[k], null,
                null, missing[k], false));
            flags[k] = null;
            break;
          case TEXT:
            cols.add(new Frame.Col(name, type, null, null, codes[k],
                List.copyOf(levels.get(k).levels), missing[k], false));
            codes[k] = null;
            break;
          default:
            cols.add(joinAuto(k, chunks, chunkBase, rows));
        }
      }
      return new Frame(source, header, lines, cols, filtered);
    }
  }

  /** An {@link ColumnType#AUTO} column (the others are joined by {@link Gather} as the blocks come). */
  private Frame.Col joinAuto(int k, List<Chunk> chunks, long[] chunkBase, int rows) throws IOException {
    int missing = 0;
    for (Chunk ch : chunks) {
      missing += ch.missing[k];
    }
    Frame.Col numeric = asNumbers(k, chunks, rows, missing);
    return numeric != null ? numeric : joinText(k, chunks, chunkBase, rows, missing);
  }

  /** An AUTO column as numbers when every distinct value is a number (each parsed once), else null. */
  private Frame.Col asNumbers(int k, List<Chunk> chunks, int rows, int missing) {
    double[][] values = new double[chunks.size()][];
    boolean integral = true;
    boolean any = false;
    for (int c = 0; c < chunks.size(); c++) {
      Dict d = chunks.get(c).dicts[k];
      values[c] = new double[d.size];
      for (int l = 0; l < d.size; l++) {
        int s = d.start[l];
        int e = s + d.length[l];
        byte[] b = d.pool;
        int digit = s < e && (b[s] == '-' || b[s] == '+') ? s + 1 : s;
        if (e - digit > 1 && b[digit] == '0' && b[digit + 1] >= '0' && b[digit + 1] <= '9') {
          return null; // a code with a leading zero ("0014") stays text
        }
        double v = Numbers.parse(b, s, e, decimal, thousands);
        if (Double.isNaN(v)) {
          return null;
        }
        for (int i = s; i < e && integral; i++) {
          if (b[i] == decimal || b[i] == 'e' || b[i] == 'E') {
            integral = false;
          }
        }
        integral &= v == Math.rint(v) && Math.abs(v) <= 9.007199254740992E15;
        values[c][l] = v;
        any = true;
      }
    }
    if (!any) {
      return null; // an all-missing column stays text
    }
    double[] out = new double[rows];
    int at = 0;
    for (int c = 0; c < chunks.size(); c++) {
      Chunk ch = chunks.get(c);
      int[] codes = ch.codes[k];
      double[] v = values[c];
      for (int r = 0; r < ch.rows; r++) {
        out[at + r] = codes[r] < 0 ? Double.NaN : v[codes[r]];
      }
      at += ch.rows;
    }
    return new Frame.Col(slotName[k], ColumnType.NUMBER, out, null, null, null, missing, integral);
  }

  private Frame.Col joinText(int k, List<Chunk> chunks, long[] chunkBase, int rows, int missing) throws IOException {
    Levels levels = new Levels();
    int[] out = new int[rows];
    int[][] maps = new int[chunks.size()][];
    for (int c = 0; c < chunks.size(); c++) {
      maps[c] = fileCodes(chunks.get(c).dicts[k], chunkBase[c], k, levels);
    }
    // each block's codes to the file's codes, blocks in parallel
    List<Future<?>> tasks = new ArrayList<>();
    int at = 0;
    for (int c = 0; c < chunks.size(); c++) {
      Chunk ch = chunks.get(c);
      int[] codes = ch.codes[k];
      int[] map = maps[c];
      int offset = at;
      int n = ch.rows;
      ch.codes[k] = null;
      if (joinPool != null && chunks.size() > 1) {
        tasks.add(joinPool.submit(new Runnable() {
          @Override
          public void run() {
            remap(codes, n, map, out, offset);
          }
        }));
      } else {
        remap(codes, n, map, out, offset);
      }
      at += n;
    }
    for (Future<?> f : tasks) {
      waitFor(f);
    }
    return new Frame.Col(slotName[k], ColumnType.TEXT, null, null, out, List.copyOf(levels.levels), missing, false);
  }

  /**
   * The distinct values of one text column of the file, in order of first appearance: by their
   * bytes (so that a block's values are found without decoding them again) and by their text.
   */
  private static final class Levels {
    final List<String> levels = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();
    /** Every distinct byte string seen; its code indexes {@link #level}. */
    final Dict bytes = new Dict();
    /** The level of each byte string of {@link #bytes}. */
    int[] level = new int[16];
  }

  /**
   * The file's code of each of a block's text values, adding new values to {@code lv} in order.
   * Only a byte string not seen before is decoded (strictly; an invalid one is an error at the
   * line where it first appears); two byte strings that decode to the same text share a level.
   */
  private int[] fileCodes(Dict d, long base, int k, Levels lv) {
    int[] map = new int[d.size];
    for (int l = 0; l < d.size; l++) {
      int s = d.start[l];
      int e = s + d.length[l];
      int known = lv.bytes.size;
      int b = lv.bytes.code(d.pool, s, e, 0);
      if (b == known) {
        String v = decode(charset, d.pool, s, e, source, base + d.firstLine[l], slotName[k]);
        Integer g = lv.index.get(v);
        if (g == null) {
          g = lv.levels.size();
          lv.index.put(v, g);
          lv.levels.add(v);
        }
        if (b == lv.level.length) {
          lv.level = Arrays.copyOf(lv.level, 2 * b);
        }
        lv.level[b] = g;
      }
      map[l] = lv.level[b];
    }
    return map;
  }

  private static void remap(int[] codes, int n, int[] map, int[] out, int at) {
    for (int r = 0; r < n; r++) {
      int c = codes[r];
      out[at + r] = c < 0 ? -1 : map[c];
    }
  }

}
