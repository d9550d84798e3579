package io.github.dmstat.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void pValuesBelowOneInAThousandAreWrittenAsABound() {
    Messages en = Messages.of(Locale.ENGLISH);
    Messages nl = Messages.of(Locale.forLanguageTag("nl-NL"));
    assertEquals("p < 0.001", en.pValue(0.0));
    assertEquals("p < 0.001", en.pValue(3.2e-12));
    assertEquals("p = 0.001", en.pValue(0.001));
    assertEquals("p = 0.047", en.pValue(0.0468));
    assertEquals("p < 0,001", nl.pValue(1e-5));
    assertEquals("p = 0,250", nl.pValue(0.25));
    assertEquals("p = –", en.pValue(Double.NaN));
  }
}
