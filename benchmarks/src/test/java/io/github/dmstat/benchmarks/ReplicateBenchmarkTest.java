package io.github.dmstat.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dmstat.core.survey.StatisticEstimate;
import io.github.dmstat.core.survey.StatisticTable;
import org.junit.jupiter.api.Test;

/** The benchmark's methods give the same estimates, and the two replicate forms the same SEs. */
class ReplicateBenchmarkTest {
  @Test
  void methodsAgree() {
    ReplicateBenchmark b = new ReplicateBenchmark();
    b.rows = 20_000;
    b.setup();
    StatisticTable boot = b.bootstrap();
    StatisticTable sup = b.supplied();
    var taylor = b.taylor();
    assertEquals(40, boot.estimates().size());
    for (int g = 0; g < 40; g++) {
      StatisticEstimate e = boot.estimates().get(g);
      double p = taylor.estimates().get(g).value().orElseThrow().prevalence();
      assertEquals(p, e.value().orElseThrow().estimate(), 1e-12);
      assertEquals(e.value().orElseThrow().se(), sup.estimates().get(g).value().orElseThrow().se(),
          1e-10 * e.value().orElseThrow().se());
    }
  }
}
