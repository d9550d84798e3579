package io.github.dmstat.charts.map;

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

  private String t(String en, String nl) {
    return dutch ? nl : en;
  }

  String noData() {
    return t("no data", "geen gegevens");
  }

  String suppressed() {
    return t("suppressed", "onderdrukt");
  }

  String notSignificant() {
    return t("not significant", "niet significant");
  }

  String noNeighbours() {
    return t("no neighbours", "geen buren");
  }

  String hotSpot(int confidence) {
    return t("hot spot ", "hotspot ") + confidence + "%";
  }

  String coldSpot(int confidence) {
    return t("cold spot ", "koudeplek ") + confidence + "%";
  }

  String hotSpotTitle() {
    return t("Getis–Ord Gi*, two-sided confidence", "Getis–Ord Gi*, tweezijdige betrouwbaarheid");
  }

  String clusterTitle() {
    return t("Local Moran clusters", "Lokale Moran-clusters");
  }

  String highHigh() {
    return t("high–high (HH)", "hoog–hoog (HH)");
  }

  String lowLow() {
    return t("low–low (LL)", "laag–laag (LL)");
  }

  String highLow() {
    return t("high–low (HL)", "hoog–laag (HL)");
  }

  String lowHigh() {
    return t("low–high (LH)", "laag–hoog (LH)");
  }
}
