package io.github.dmstat.core.survey;

import static io.github.dmstat.core.Reference.close;
import static io.github.dmstat.core.Reference.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dmstat.core.Reference;
import io.github.dmstat.core.disclosure.ReliabilityRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Standardisation and change against R survey 4.1.1 ({@code reference/make_reference.R}). */
class StandardisationAndChangeTest {
  private static final DesignSpec SPF = DesignSpec.weights("weight").withStrata("stratum").withPsu("psu").withFpc("fpc");

  private static Table small(String file) {
    return Reference.table(StandardisationAndChangeTest.class, "reference/" + file);
  }

  private static Map<String, Double> population() {
    Map<String, Double> pop = new LinkedHashMap<>();
    pop.put("18-24", 1525000.0);
    pop.put("25-34", 2285000.0);
    pop.put("35-54", 4290000.0);
    pop.put("55+", 6230000.0);
    return pop;
  }

  @Test
  void directStandardisationAgreesWithSvycontrast() {
    List<Map<String, String>> ref = Reference.rows(getClass(), "reference/standardise_reference.csv");
    Standardisation s = Standardisation.withDefaults().with(ReliabilityRule.NONE);
    List<Standardisation.Standardised> overall = s.direct(small("survey_small.csv"), SPF, "used", "agegroup", population(), List.of());
    List<Standardisation.Standardised> bySex = s.direct(small("survey_small.csv"), SPF, "used", "agegroup", population(), List.of("sex"));
    int checked = 0;
    for (Map<String, String> r : ref) {
      Standardisation.Standardised e = r.get("over").isEmpty() ? overall.get(0)
          : bySex.stream().filter(x -> r.get("group").equals("sex=" + x.group().get("sex"))).findFirst().orElseThrow();
      double[] v = e.value().orElseThrow();
      close(num(r, "estimate"), v[0], 1e-10, r.get("group") + " estimate");
      close(num(r, "se"), v[1], 1e-8, r.get("group") + " se");
      checked++;
    }
    assertEquals(3, checked);
  }

  @Test
  void standardisationNeedsAPopulationForEveryCategory() {
    Map<String, Double> pop = population();
    pop.remove("55+");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardisation.withDefaults()
        .direct(small("survey_small.csv"), SPF, "used", "agegroup", pop, List.of()));
    assertTrue(e.getMessage().contains("'55+'"), e.getMessage());
  }

  @Test
  void changeBetweenIndependentYearsAgreesWithReference() {
    PrevalenceEstimator est = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE);
    PrevalenceTable y1 = est.estimate(small("survey_small.csv"), SPF, "used");
    PrevalenceTable y2 = est.estimate(small("survey_small_y2.csv"), SPF, "used");
    PrevalenceTable s1 = est.estimate(small("survey_small.csv"), SPF, "used", "sex");
    PrevalenceTable s2 = est.estimate(small("survey_small_y2.csv"), SPF, "used", "sex");
    for (Map<String, String> r : Reference.rows(getClass(), "reference/change_reference.csv")) {
      PrevalenceChange c;
      if (r.get("group").isEmpty()) {
        c = PrevalenceChange.between(y1.estimates().get(0), y2.estimates().get(0), 0.95);
      } else {
        String sex = r.get("group").substring(4);
        c = PrevalenceChange.between(s1.find(sex).orElseThrow(), s2.find(sex).orElseThrow(), 0.95);
      }
      String what = "change " + r.get("group");
      close(num(r, "diff"), c.difference(), 1e-8, what + " diff");
      close(num(r, "se"), c.se(), 1e-8, what + " se");
      close(num(r, "z"), c.z(), 1e-8, what + " z");
      close(num(r, "p_value"), c.pValue(), 1e-8, what + " p");
      close(num(r, "ci_lower"), c.ciLower(), 1e-8, what + " lower");
      close(num(r, "ci_upper"), c.ciUpper(), 1e-8, what + " upper");
    }
  }

  @Test
  void changeRefusesSuppressedEstimates() {
    PrevalenceTable t = PrevalenceEstimator.withDefaults().estimate(small("survey_small.csv"), SPF, "used", "agegroup", "sex");
    PrevalenceEstimate suppressed = t.estimates().stream().filter(PrevalenceEstimate::suppressed).findFirst().orElseThrow();
    PrevalenceEstimate ok = t.estimates().stream().filter(e -> !e.suppressed()).findFirst().orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> PrevalenceChange.between(ok, suppressed, 0.95));
    assertThrows(IllegalArgumentException.class, () -> EstimatedUsers.of(suppressed, 1000));
  }

  @Test
  void estimatedUsersScalePrevalenceAndInterval() {
    PrevalenceEstimate e = PrevalenceEstimator.withDefaults().with(ReliabilityRule.NONE)
        .estimate(small("survey_small.csv"), SPF, "used").estimates().get(0);
    EstimatedUsers u = EstimatedUsers.of(e, 14_330_000);
    PrevalenceValue v = e.value().orElseThrow();
    assertEquals(v.prevalence() * 14_330_000, u.users(), 1e-6);
    assertEquals(v.ciLower() * 14_330_000, u.lower(), 1e-6);
    assertEquals(v.ciUpper() * 14_330_000, u.upper(), 1e-6);
    assertTrue(u.toString().startsWith("Users["), u.toString());
  }
}
