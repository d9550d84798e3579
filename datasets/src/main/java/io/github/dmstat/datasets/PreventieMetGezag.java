package io.github.dmstat.datasets;

import io.github.dmstat.core.Checks;
import io.github.dmstat.core.area.AreaCode;
import io.github.dmstat.core.area.AreaLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The municipalities of the programme <i>Preventie met gezag</i> (Ministry of Justice and
 * Security) as a typed dataset:
 * <ul>
 *   <li>2022, the first 15 (Staatscourant 2022, 24113);</li>
 *   <li>2023, 12 more (Staatscourant 2023, 19537): 8 selected on crime figures and socio-economic
 *       data among municipalities of at least 80,000 inhabitants, and 4 (Delft, Dordrecht,
 *       Roosendaal, Vlaardingen) via the national liveability and safety programme <i>(that split
 *       of the four is inferred from the letter, not stated per municipality)</i>;</li>
 *   <li>2024, the flexible approach for smaller municipalities with severe, acute problems, 20
 *       municipalities (Staatscourant 2024, 12052).</li>
 * </ul>
 * Codes are the CBS municipality codes of 1 January 2024 (CBS Kerncijfers wijken en buurten 2024,
 * table 85984NED), looked up once by name when this class was written and hard-coded here; no
 * file is read. "Den Haag" is CBS's {@code 's-Gravenhage} (GM0518); CBS 2024 names with a province
 * suffix ({@code Middelburg (Z.)}, {@code Rijswijk (ZH.)}) are given without it.
 */
public final class PreventieMetGezag {
  /** How a municipality entered the programme. */
  public enum Route {
    /** One of the first 15 municipalities (2022). */
    FIRST_15("first 15"),
    /** 2023 expansion, selected on crime figures and socio-economic data (at least 80,000 inhabitants). */
    CRIME_AND_SOCIOECONOMIC("crime and socio-economic data"),
    /** 2023 expansion via the national liveability and safety programme (split inferred). */
    LIVEABILITY_PROGRAMME("national liveability and safety programme"),
    /** 2024 flexible approach for smaller municipalities with severe, acute problems. */
    FLEXIBLE_APPROACH("flexible approach");

    private final String label;

    Route(String label) {
      this.label = label;
    }

    /**
     * Readable label, as in the table's {@code route} column.
     *
     * @return the label, e.g. {@code first 15}
     */
    public String label() {
      return label;
    }

    /**
     * Parses a label or constant name (any case).
     *
     * @param text a label such as {@code flexible approach} or a constant name, in which spaces and
     *     hyphens count as underscores; surrounding blanks are ignored
     * @return the matching route
     * @throws IllegalArgumentException if nothing matches (also for {@code null}), listing the labels
     */
    public static Route parse(String text) {
      String t = text == null ? "" : text.strip();
      for (Route r : values()) {
        if (r.label.equalsIgnoreCase(t) || r.name().equalsIgnoreCase(t.replace(' ', '_').replace('-', '_'))) {
          return r;
        }
      }
      throw Checks.unknownValue("route", text, Arrays.stream(values()).map(Route::label).toList());
    }
  }

  /**
   * One municipality of the programme.
   *
   * @param code CBS municipality code (2024), e.g. {@code GM0363}
   * @param name name as used by the ministry (e.g. {@code Den Haag})
   * @param year year it entered (2022, 2023 or 2024)
   * @param route how it entered
   * @param inferred whether the route is our reading rather than stated per municipality
   * @param source Staatscourant reference
   */
  public record Municipality(String code, String name, int year, Route route, boolean inferred, String source) {
    /**
     * Validates the code, name, route, source and year.
     *
     * @param code CBS municipality code, {@code GM} and 4 digits, without surrounding blanks
     * @param name name as used by the ministry; not {@code null}
     * @param year year it entered: 2022, 2023 or 2024
     * @param route how it entered; not {@code null}
     * @param inferred whether the route is our reading rather than stated per municipality
     * @param source Staatscourant reference; not {@code null}
     * @throws IllegalArgumentException if the code is not a municipality code or the year is out of range
     * @throws NullPointerException if {@code name}, {@code route} or {@code source} is {@code null}
     */
    public Municipality {
      if (AreaCode.parse(code).level() != AreaLevel.MUNICIPALITY || !code.equals(code.strip())) {
        throw Checks.badArgument("code of " + name, "must be a municipality code (GM + 4 digits)", code);
      }
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(source, "source");
      if (year < 2022 || year > 2024) {
        throw Checks.badArgument("year of " + name, "must be 2022, 2023 or 2024", year);
      }
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s (%d, %s%s)", code, name, year, route.label(), inferred ? ", inferred" : "");
    }
  }

  /** Source of the first 15. */
  public static final String STCRT_2022 = "Staatscourant 2022, 24113";
  /** Source of the 2023 expansion. */
  public static final String STCRT_2023 = "Staatscourant 2023, 19537";
  /** Source of the 2024 flexible approach. */
  public static final String STCRT_2024 = "Staatscourant 2024, 12052";

  private static final List<Municipality> ALL = build();

  private PreventieMetGezag() {}

  private static List<Municipality> build() {
    List<Municipality> m = new ArrayList<>();
    // CBS 2024 municipality codes (Kerncijfers wijken en buurten 2024, 85984NED), looked up by name.
    String[][] first = {{"GM0363", "Amsterdam"}, {"GM0599", "Rotterdam"}, {"GM0518", "Den Haag"},
        {"GM0344", "Utrecht"}, {"GM0995", "Lelystad"}, {"GM0479", "Zaanstad"}, {"GM0606", "Schiedam"},
        {"GM0356", "Nieuwegein"}, {"GM0014", "Groningen"}, {"GM0772", "Eindhoven"}, {"GM0202", "Arnhem"},
        {"GM0855", "Tilburg"}, {"GM0758", "Breda"}, {"GM0080", "Leeuwarden"}, {"GM0917", "Heerlen"}};
    for (String[] f : first) {
      m.add(new Municipality(f[0], f[1], 2022, Route.FIRST_15, false, STCRT_2022));
    }
    String[][] crime = {{"GM0034", "Almere"}, {"GM0153", "Enschede"}, {"GM0796", "'s-Hertogenbosch"},
        {"GM0268", "Nijmegen"}, {"GM0794", "Helmond"}, {"GM0983", "Venlo"}, {"GM1883", "Sittard-Geleen"},
        {"GM0935", "Maastricht"}};
    for (String[] f : crime) {
      m.add(new Municipality(f[0], f[1], 2023, Route.CRIME_AND_SOCIOECONOMIC, false, STCRT_2023));
    }
    String[][] liveability = {{"GM0503", "Delft"}, {"GM0505", "Dordrecht"}, {"GM1674", "Roosendaal"},
        {"GM0622", "Vlaardingen"}};
    for (String[] f : liveability) {
      m.add(new Municipality(f[0], f[1], 2023, Route.LIVEABILITY_PROGRAMME, true, STCRT_2023));
    }
    String[][] flexible = {{"GM0141", "Almelo"}, {"GM0748", "Bergen op Zoom"}, {"GM0899", "Brunssum"},
        {"GM0400", "Den Helder"}, {"GM0384", "Diemen"}, {"GM0513", "Gouda"}, {"GM0392", "Haarlem"},
        {"GM0405", "Hoorn"}, {"GM0928", "Kerkrade"}, {"GM0546", "Leiden"}, {"GM0687", "Middelburg"},
        {"GM1930", "Nissewaard"}, {"GM0826", "Oosterhout"}, {"GM0603", "Rijswijk"}, {"GM0957", "Roermond"},
        {"GM0984", "Venray"}, {"GM0718", "Vlissingen"}, {"GM0637", "Zoetermeer"}, {"GM0301", "Zutphen"},
        {"GM0193", "Zwolle"}};
    for (String[] f : flexible) {
      m.add(new Municipality(f[0], f[1], 2024, Route.FLEXIBLE_APPROACH, false, STCRT_2024));
    }
    return List.copyOf(m);
  }

  /**
   * All 47 entries: 15 (2022), 12 (2023), 20 (2024), in the order of the Staatscourant lists.
   *
   * @return the entries, an unmodifiable list
   */
  public static List<Municipality> all() {
    return ALL;
  }

  /**
   * The 27 municipalities of the area-based programme (2022 and 2023), without the flexible approach.
   *
   * @return the entries of 2022 and 2023, in the order of {@link #all()}, an unmodifiable list
   */
  public static List<Municipality> programme27() {
    return ALL.stream().filter(m -> m.year() <= 2023).toList();
  }

  /**
   * Entries that entered in {@code year}.
   *
   * @param year the year of entry: 2022, 2023 or 2024
   * @return those entries in the order of {@link #all()}; empty for any other year
   */
  public static List<Municipality> year(int year) {
    return ALL.stream().filter(m -> m.year() == year).toList();
  }

  /**
   * The entry with this CBS code, if any.
   *
   * @param code a CBS 2024 municipality code, e.g. {@code GM0363}; matched exactly (case and blanks count)
   * @return the entry; empty if the code is not in the programme
   */
  public static Optional<Municipality> find(String code) {
    return ALL.stream().filter(m -> m.code().equals(code)).findFirst();
  }

  /**
   * One paragraph describing the dataset.
   *
   * @return the description, starting with {@code pmg-municipalities:}
   */
  public static String description() {
    return "pmg-municipalities: the " + ALL.size() + " municipalities of Preventie met gezag (15 in 2022, "
        + STCRT_2022 + "; 12 in 2023, " + STCRT_2023 + ", of which Delft, Dordrecht, Roosendaal and Vlaardingen "
        + "via the liveability programme (split inferred); 20 in the 2024 flexible approach, " + STCRT_2024
        + ") with CBS 2024 municipality codes; columns code, name, year, route, inferred, source.";
  }

  /**
   * Columns {@code code, name, year, route, inferred, source}, one row per entry.
   *
   * @return a new table named {@code pmg-municipalities}, rows in the order of {@link #all()}; {@code route}
   *     holds {@link Route#label()}
   */
  public static Table toTable() {
    StringColumn code = StringColumn.create("code");
    StringColumn name = StringColumn.create("name");
    IntColumn year = IntColumn.create("year");
    StringColumn route = StringColumn.create("route");
    BooleanColumn inferred = BooleanColumn.create("inferred");
    StringColumn source = StringColumn.create("source");
    for (Municipality m : ALL) {
      code.append(m.code());
      name.append(m.name());
      year.append(m.year());
      route.append(m.route().label());
      inferred.append(m.inferred());
      source.append(m.source());
    }
    return Table.create("pmg-municipalities").addColumns(code, name, year, route, inferred, source);
  }
}
