package io.github.dmstat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@link QuickStart} reads a prevalence command line exactly as picocli does (the same values in
 * every field of the command and its option objects), and leaves to picocli every command line it
 * does not read that way.
 */
class QuickStartTest {
  /** The command picocli builds from {@code args} (without the leading {@code prevalence}). */
  private static PrevalenceCommand picocli(List<String> args) {
    CommandLine cl = new CommandLine(new PrevalenceCommand());
    cl.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    return cl.getCommand();
  }

  private static PrevalenceCommand quick(List<String> args) {
    Optional<PrevalenceCommand> c = QuickStart.prevalence(args.toArray(String[]::new));
    assertTrue(c.isPresent(), () -> "QuickStart left to picocli: " + args);
    return c.get();
  }

  /**
   * The option values of {@code o} by field path (e.g. {@code designOptions.weight}); a group
   * picocli left null reads as the group's defaults, which is how the commands use it.
   */
  private static Map<String, Object> values(Object o) throws ReflectiveOperationException {
    Map<String, Object> out = new TreeMap<>();
    collect(o, "", out);
    return out;
  }

  private static void collect(Object o, String prefix, Map<String, Object> out) throws ReflectiveOperationException {
    for (Class<?> k = o.getClass(); k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType() == CommandLine.Model.CommandSpec.class
            || f.getType() == java.io.PrintWriter.class || f.getName().equals("frame")) {
          continue;
        }
        f.setAccessible(true);
        Object v = f.get(o);
        if (f.getType().getPackageName().equals(QuickStart.class.getPackageName())) {
          if (v == null) {
            var ctor = f.getType().getDeclaredConstructor();
            ctor.setAccessible(true);
            v = ctor.newInstance();
          }
          collect(v, prefix + f.getName() + ".", out);
        } else {
          out.put(prefix + f.getName(), v instanceof List ? new ArrayList<>((List<?>) v) : v);
        }
      }
    }
  }

  /** QuickStart reads {@code args} and gives what picocli gives. */
  private static void assertSame(List<String> args) throws ReflectiveOperationException {
    assertEquals(values(picocli(args)), values(quick(args)), () -> String.join(" ", args));
  }

  @Test
  void everyOptionOfTheCommandIsKnown() {
    CommandLine.Model.CommandSpec spec = new CommandLine(new PrevalenceCommand()).getCommandSpec();
    TreeSet<String> names = new TreeSet<>();
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      if (!o.usageHelp() && !o.versionHelp()) {
        names.add(o.longestName());
      }
    }
    assertEquals(names, new TreeSet<>(QuickStart.NAMES));
  }

  @Test
  void theDefaultsAreTheAnnotations() throws ReflectiveOperationException {
    assertSame(List.of("prevalence", "--dataset", "adults", "--outcome", "cannabis_last_year"));
    assertSame(List.of("prevalence", "--data", "survey.csv", "--outcome", "used", "--weight", "w"));
  }

  @Test
  void everyOptionReadsAsPicocliReadsIt() throws ReflectiveOperationException {
    assertSame(List.of("prevalence", "--data", "dir/survey data.csv", "--delimiter", ";", "--decimal", ",", "--thousands", ".",
        "--encoding", "windows-1252", "--na-values", "NA,.,x", "--true-values", "ja", "--false-values", "nee",
        "--where", "jaar=2023", "--where", "regio=GGD 1,GGD 2", "--sheet", "2", "--outcome", "used", "--weight", "gewicht",
        "--strata", "stratum", "--psu", "psu", "--fpc", "N", "--lonely-psu", "adjust", "--margins", "m.csv",
        "--calibration", "linear", "--bounds", "0.5,2", "--weight-bounds", "1,100", "--by", "sex,age", "--by", "region",
        "--ci", "beta", "--level", "0.9", "--reliability", "nsduh", "--format", "csv", "--threads", "2",
        "--compare", "F,M"));
    assertSame(List.of("prevalence", "--dataset=adults", "--outcome=x", "--by=a,b", "--level=.99", "--threads=12",
        "--where=a=b", "--format=json"));
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZ019_ .,;:=/é").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.startsWith("-") && !s.startsWith("@"));
    Arbitrary<String> number = Arbitraries.of("0", "1", "2", "0.5", ".95", "0.999", "16", "007", "1.", "2147483648", "-1");
    Arbitrary<String> name = Arbitraries.of(QuickStart.NAMES.stream()
        .filter(n -> !n.equals("--data") && !n.equals("--dataset") && !n.equals("--outcome")).toList());
    Arbitrary<List<String>> option = Combinators.combine(name, word, number, Arbitraries.of(true, false))
        .as((n, w, num, joined) -> {
          String v = n.equals("--level") || n.equals("--threads") ? num : n.equals("--by") ? w.replace(",", "") : w;
          return joined ? List.of(n + "=" + v) : List.of(n, v);
        });
    return Combinators.combine(option.list().ofMaxSize(6), Arbitraries.of("--data", "--dataset"), word, word)
        .as((options, source, data, outcome) -> {
          List<String> args = new ArrayList<>(List.of("prevalence", source, data));
          List<String> used = new ArrayList<>();
          for (List<String> o : options) {
            String n = o.get(0).split("=", 2)[0];
            if (used.contains(n) && !QuickStart.REPEATABLE.contains(n)) {
              continue;
            }
            used.add(n);
            args.addAll(o);
          }
          args.addAll(List.of("--outcome", outcome));
          return args;
        });
  }

  /** Either both read the line alike, or picocli refuses it and QuickStart leaves it to picocli. */
  @Property(tries = 400, seed = "20261201")
  void randomCommandLinesReadAsPicocliReadsThem(@ForAll("commandLines") List<String> args)
      throws ReflectiveOperationException {
    PrevalenceCommand expected;
    try {
      expected = picocli(args);
    } catch (CommandLine.ParameterException e) {
      assertEquals(Optional.empty(), QuickStart.prevalence(args.toArray(String[]::new)), () -> e.getMessage() + ": " + args);
      return;
    }
    Optional<PrevalenceCommand> quick = QuickStart.prevalence(args.toArray(String[]::new));
    if (quick.isPresent()) {
      assertEquals(values(expected), values(quick.get()), () -> String.join(" ", args));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "prevalence --help", "prevalence -h", "prevalence --version", "prevalence --dataset adults",
      "prevalence --outcome x", "prevalence --dataset adults --data f.csv --outcome x",
      "prevalence --dataset adults --outcome x --outcome y", "prevalence --dataset adults --outcome",
      "prevalence --dataset adults --outcome x --bogus 1", "prevalence --dataset adults --outcome x extra",
      "prevalence --dataset adults --outcome x --by -a", "prevalence --dataset adults --outcome @args.txt",
      "prevalence --dataset adults --outcome x --level 95e-2", "prevalence --dataset adults --outcome x --threads 0x2",
      "prevalence --dataset adults --outcome x --by a,,b", "prevalence --dataset adults --outcome x --by a,",
      "prevalence --dataset adults --outcome x --by \"a,b\"", "prevalence --dataset adults --outcome= ",
      "prevalence --dataset adults --outcome x --", "total --dataset adults --variable x", "prevalence"})
  void everythingElseGoesToPicocli(String line) {
    assertEquals(Optional.empty(), QuickStart.prevalence(line.split(" ")));
  }
}
