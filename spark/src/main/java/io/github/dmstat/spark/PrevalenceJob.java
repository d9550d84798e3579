package io.github.dmstat.spark;

import io.github.dmstat.core.disclosure.ReliabilityRule;
import io.github.dmstat.core.io.Json;
import io.github.dmstat.core.survey.DesignSpec;
import io.github.dmstat.core.survey.LonelyPsu;
import io.github.dmstat.core.survey.PrevalenceEstimator;
import io.github.dmstat.core.survey.PrevalenceTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark application: survey-weighted prevalence by domain from a Parquet (or CSV) file, printed
 * as dmstat's table or JSON. For {@code spark-submit --class io.github.dmstat.spark.PrevalenceJob}
 * on a cluster, or {@code java} in local mode (README, "When one machine is not enough"):
 *
 * <pre>
 * PrevalenceJob --data survey.parquet --outcome used --weight weight [--strata S] [--psu P] [--fpc F]
 *               [--by a,b] [--lonely-psu fail|adjust|remove|certainty] [--reliability RULE]
 *               [--format table|json] [--master local[2]]
 * </pre>
 *
 * <p>A path ending in {@code .csv} is read as CSV with a header row and inferred types; anything
 * else as Parquet. {@code --master} is only needed outside {@code spark-submit}. Exit codes: 0,
 * 2 for bad options or data (one line on standard error), 1 for other failures.
 */
public final class PrevalenceJob {
  private PrevalenceJob() {}

  /**
   * Runs the job and exits with its code.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the job with the given streams.
   *
   * @param args the options
   * @param out where the table goes
   * @param err where a failure's one line goes
   * @return the exit code: 0, 2 (bad options or data) or 1
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> o;
    try {
      o = options(args);
    } catch (IllegalArgumentException e) {
      err.println("PrevalenceJob: " + e.getMessage());
      return 2;
    }
    SparkSession.Builder b = SparkSession.builder().appName("dmstat prevalence");
    if (o.containsKey("master")) {
      b = b.master(o.get("master")).config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    try {
      String path = o.get("data");
      Dataset<Row> data = path.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
          ? spark.read().option("header", "true").option("inferSchema", "true").csv(path)
          : spark.read().parquet(path);
      DesignSpec spec = DesignSpec.weights(o.get("weight"));
      if (o.containsKey("strata")) {
        spec = spec.withStrata(o.get("strata"));
      }
      if (o.containsKey("psu")) {
        spec = spec.withPsu(o.get("psu"));
      }
      if (o.containsKey("fpc")) {
        spec = spec.withFpc(o.get("fpc"));
      }
      spec = spec.withLonelyPsu(LonelyPsu.parse(o.getOrDefault("lonely-psu", "fail")));
      PrevalenceEstimator est = PrevalenceEstimator.withDefaults();
      if (o.containsKey("reliability")) {
        est = est.with(ReliabilityRule.parse(o.get("reliability")));
      }
      List<String> by = new ArrayList<>();
      if (o.containsKey("by")) {
        for (String s : o.get("by").split(",")) {
          if (!s.isBlank()) {
            by.add(s.strip());
          }
        }
      }
      PrevalenceTable t = SparkPrevalence.of(est).estimate(data, spec, o.get("outcome"), by);
      out.println("json".equals(o.getOrDefault("format", "table")) ? Json.write(t) : t.toString());
      out.flush();
      return out.checkError() ? 1 : 0;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      err.println("PrevalenceJob: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      // a path Spark cannot read is an AnalysisException (checked in Java, thrown undeclared from Scala)
      boolean input = e.getClass().getSimpleName().equals("AnalysisException");
      err.println("PrevalenceJob: " + (input ? "" : e.getClass().getSimpleName() + ": ") + firstLine(e.getMessage()));
      return input ? 2 : 1;
    } finally {
      if (o.containsKey("master")) {
        spark.stop();
      }
    }
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static final List<String> KNOWN = List.of("data", "outcome", "weight", "strata", "psu", "fpc", "by", "lonely-psu",
      "reliability", "format", "master");

  /** {@code --name value} pairs; unknown names, a missing value and missing required options are errors. */
  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'; options: --" + String.join(", --", KNOWN));
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      }
      if (!KNOWN.contains(name)) {
        throw new IllegalArgumentException("unknown option '--" + name + "'; options: --" + String.join(", --", KNOWN));
      }
      if (value == null) {
        throw new IllegalArgumentException("option '--" + name + "' needs a value");
      }
      o.put(name, value);
    }
    for (String required : List.of("data", "outcome", "weight")) {
      if (!o.containsKey(required)) {
        throw new IllegalArgumentException("missing --" + required + " (usage: --data FILE --outcome COL --weight COL "
            + "[--strata COL] [--psu COL] [--fpc COL] [--by A,B] [--lonely-psu P] [--format table|json] [--master URL])");
      }
    }
    String f = o.getOrDefault("format", "table");
    if (!f.equals("table") && !f.equals("json")) {
      throw new IllegalArgumentException("--format must be table or json, not '" + f + "'");
    }
    return o;
  }
}
