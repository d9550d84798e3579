package io.github.dmstat.charts.map;

import io.github.dmstat.charts.Words;
import java.util.Locale;

/** Map legend wording in English or Dutch (Dutch for language {@code nl}). */
final class MapText {
  private final boolean dutch;

  private MapText(Locale locale) {
    this.dutch = "nl".equals(locale.getLanguage());
  }

  static MapText of(Locale locale) {
    return new MapText(locale);
  }

  private String w(String key) {
    return io.github.dmstat.charts.Words.of(dutch).get(key);
  }

  String noData() {
    return w("mapText.no.data");
  }

  String suppressed() {
    return w("mapText.suppressed");
  }

  String notSignificant() {
    return w("mapText.not.significant");
  }

  String noNeighbours() {
    return w("mapText.no.neighbours");
  }

  String hotSpot(int confidence) {
    return w("mapText.hot.spot") + confidence + "%";
  }

  String coldSpot(int confidence) {
    return w("mapText.cold.spot") + confidence + "%";
  }

  String hotSpotTitle() {
    return w("mapText.getis.ord.gi.two.sided.confidence");
  }

  String clusterTitle() {
    return w("mapText.local.moran.clusters");
  }

  String highHigh() {
    return w("mapText.high.high.hh");
  }

  String lowLow() {
    return w("mapText.low.low.ll");
  }

  String highLow() {
    return w("mapText.high.low.hl");
  }

  String lowHigh() {
    return w("mapText.low.high.lh");
  }
}
