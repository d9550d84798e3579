package io.github.dmstat.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dmstat prevalence} without picocli for the plain command lines it is mostly given: every
 * argument a long option of the command with its value ({@code --opt value} or {@code --opt=value}).
 * Building picocli's model of a command reads its annotations by reflection, which costs a
 * short command about a quarter of its time (on a 1M-row file 0.41 against 0.30 s, see
 * benchmarks/README.md, "Start-up"). Anything else goes to picocli, which then gives the same
 * result or the usual error: help and version, an unknown or repeated option, a missing value or
 * required option, {@code --data} with {@code --dataset}, a value that starts with {@code -} or
 * {@code @} (an argument file), a number or list that is not written plainly.
 *
 * <p>The options' names, types and defaults stay defined once, by the annotations and field
 * initialisers of {@link PrevalenceCommand} and its option classes: {@code QuickStartTest} parses
 * every option both ways and compares the objects field by field, and checks that this class
 * knows every option picocli's model of the command has.
 */
final class QuickStart {
  private QuickStart() {
  }

  /**
   * The prevalence command that picocli would build from {@code args} (the command line without
   * {@code dmstat}), populated here; empty when {@code args} is not a plain {@code prevalence}
   * command line that this class reads exactly as picocli does.
   */
  static Optional<PrevalenceCommand> prevalence(String... args) {
    if (args.length < 2 || !"prevalence".equals(args[0])) {
      return Optional.empty();
    }
    PrevalenceCommand c = new PrevalenceCommand();
    c.data.source = new DataOptions.Source();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String name;
      String value;
      int eq = a.indexOf('=');
      if (!a.startsWith("--")) {
        return Optional.empty();
      }
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else {
        if (i + 1 == args.length) {
          return Optional.empty();
        }
        name = a;
        value = args[++i];
      }
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")
          || (!seen.add(name) && !REPEATABLE.contains(name)) || !set(c, name, value)) {
        return Optional.empty();
      }
    }
    boolean file = c.data.source.data != null;
    boolean dataset = c.data.source.dataset != null;
    if (file == dataset || c.outcome == null) {
      return Optional.empty();
    }
    return Optional.of(c);
  }

  /** The options that may be given more than once (their values add up). */
  static final Set<String> REPEATABLE = Set.of("--by", "--where");

  /** The long option names this class reads, for the test that compares them with picocli's model. */
  static final List<String> NAMES = List.of("--data", "--dataset", "--delimiter", "--decimal", "--thousands", "--encoding",
      "--na-values", "--true-values", "--false-values", "--where", "--sheet", "--outcome", "--weight", "--strata", "--psu",
      "--fpc", "--lonely-psu", "--margins", "--calibration", "--bounds", "--weight-bounds", "--by", "--ci", "--level",
      "--reliability", "--format", "--threads", "--compare");

  /** Sets option {@code name} to {@code value}; false when picocli must read it. */
  private static boolean set(PrevalenceCommand c, String name, String value) {
    ReadingOptions r = c.data.reading;
    DesignOptions d = c.designOptions;
    EstimatorOptions e = c.estimation;
    switch (name) {
      case "--data":
        c.data.source.data = path(value);
        return c.data.source.data != null;
      case "--dataset": c.data.source.dataset = value; return true;
      case "--delimiter": r.delimiter = value; return true;
      case "--decimal": r.decimal = value; return true;
      case "--thousands": r.thousands = value; return true;
      case "--encoding": r.encoding = value; return true;
      case "--na-values": r.naValues = value; return true;
      case "--true-values": r.trueValues = value; return true;
      case "--false-values": r.falseValues = value; return true;
      case "--where": r.where.add(value); return true;
      case "--sheet": r.sheet = value; return true;
      case "--outcome": c.outcome = value; return true;
      case "--weight": d.weight = value; return true;
      case "--strata": d.strata = value; return true;
      case "--psu": d.psu = value; return true;
      case "--fpc": d.fpc = value; return true;
      case "--lonely-psu": d.lonelyPsu = value; return true;
      case "--margins":
        d.margins = path(value);
        return d.margins != null;
      case "--calibration": d.calibration = value; return true;
      case "--bounds": d.bounds = value; return true;
      case "--weight-bounds": d.weightBounds = value; return true;
      case "--by": return by(c, value);
      case "--ci": e.ci = value; return true;
      case "--level":
        if (!value.matches("[0-9]{0,9}(\\.[0-9]{1,17})?") || value.equals(".")) {
          return false;
        }
        e.level = Double.parseDouble(value);
        return true;
      case "--reliability": e.reliability = value; return true;
      case "--format": c.format = value; return true;
      case "--threads":
        if (!value.matches("[0-9]{1,9}")) {
          return false;
        }
        c.threads = Integer.parseInt(value);
        return true;
      case "--compare": c.compare = value; return true;
      default: return false;
    }
  }

  /** {@code --by A,B}: plain names only (picocli's split also reads quotes). */
  private static boolean by(PrevalenceCommand c, String value) {
    if (value.indexOf('"') >= 0 || value.startsWith(",") || value.endsWith(",") || value.contains(",,")) {
      return false;
    }
    List<String> all = new ArrayList<>(c.by);
    all.addAll(List.of(value.split(",")));
    c.by = all;
    return true;
  }

  /** The path, or null when picocli must report it. */
  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
