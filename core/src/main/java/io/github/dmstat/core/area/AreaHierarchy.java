package io.github.dmstat.core.area;

import io.github.dmstat.core.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The municipality → wijk → buurt tree of one boundary year (codes belong to a year of the
 * <i>Wijk- en Buurtkaart</i>; boundaries change every 1 January).
 *
 * <p>Built from a list of codes of any mix of levels. Parents that are not in the list (e.g. a
 * list of buurten only) are added and reported by {@link #implied()}; nothing is dropped.
 * Duplicate codes are an error naming the code and its position.
 */
public final class AreaHierarchy {
  private final int year;
  private final List<AreaCode> codes;
  private final List<AreaCode> implied;
  private final Set<AreaCode> all;
  private final Map<AreaCode, List<AreaCode>> children;

  private AreaHierarchy(int year, List<AreaCode> codes, List<AreaCode> implied, Set<AreaCode> all,
      Map<AreaCode, List<AreaCode>> children) {
    this.year = year;
    this.codes = codes;
    this.implied = implied;
    this.all = all;
    this.children = children;
  }

  /**
   * Builds the hierarchy of boundary year {@code year} from codes (OData padding is stripped).
   *
   * @param year boundary year of the codes, 1900–2100
   * @param codes codes of any mix of levels, each once
   * @return the hierarchy, missing parents added
   * @throws IllegalArgumentException for an invalid or duplicate code (named, with its 1-based
   *     position), or a year outside 1900–2100
   */
  public static AreaHierarchy of(int year, Collection<String> codes) {
    List<AreaCode> parsed = new ArrayList<>(codes.size());
    for (String s : codes) {
      parsed.add(AreaCode.parse(s));
    }
    return ofCodes(year, parsed);
  }

  /**
   * As {@link #of(int, Collection)} for parsed codes.
   *
   * @param year boundary year of the codes, 1900–2100
   * @param codes codes of any mix of levels, each once, none {@code null}
   * @return the hierarchy, missing parents added
   * @throws IllegalArgumentException for a {@code null} or duplicate code (with its 1-based position), or a
   *     year outside 1900–2100
   */
  public static AreaHierarchy ofCodes(int year, Collection<AreaCode> codes) {
    if (year < 1900 || year > 2100) {
      throw Checks.badArgument("boundary year", "must be between 1900 and 2100", year);
    }
    Set<AreaCode> seen = new LinkedHashSet<>();
    int pos = 0;
    for (AreaCode c : codes) {
      pos++;
      if (c == null) {
        throw Checks.badArgument("area code at position " + pos, "must be present", null);
      }
      if (!seen.add(c)) {
        throw Checks.badArgument("area code at position " + pos, "must be unique (duplicate code)", c.value());
      }
    }
    List<AreaCode> implied = new ArrayList<>();
    Set<AreaCode> all = new LinkedHashSet<>(seen);
    for (AreaCode c : seen) {
      for (AreaCode p = c.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
        if (all.add(p)) {
          implied.add(p);
        }
      }
    }
    Map<AreaCode, List<AreaCode>> children = new HashMap<>();
    for (AreaCode c : all) {
      c.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
    }
    Map<AreaCode, List<AreaCode>> frozen = new HashMap<>();
    children.forEach((k, v) -> frozen.put(k, List.copyOf(v.stream().sorted().toList())));
    return new AreaHierarchy(year, List.copyOf(seen), List.copyOf(implied), Set.copyOf(new HashSet<>(all)), Map.copyOf(frozen));
  }

  /**
   * The boundary year.
   *
   * @return the year the codes belong to
   */
  public int year() {
    return year;
  }

  /**
   * The codes as given, in input order.
   *
   * @return the given codes, without the implied parents (unmodifiable)
   */
  public List<AreaCode> codes() {
    return codes;
  }

  /**
   * Parents that were not in the input and were added, in order of discovery.
   *
   * @return the implied codes (unmodifiable; empty when every parent was given)
   */
  public List<AreaCode> implied() {
    return implied;
  }

  /**
   * Whether the code is in the hierarchy (given or implied).
   *
   * @param code the code to look up
   * @return {@code true} when it was given or implied
   */
  public boolean contains(AreaCode code) {
    return all.contains(code);
  }

  /**
   * The direct children (wijken of a municipality, buurten of a wijk), sorted; empty when none.
   *
   * @param code a code in the hierarchy
   * @return the children, sorted by code (unmodifiable)
   * @throws IllegalArgumentException when {@code code} is not in the hierarchy
   */
  public List<AreaCode> children(AreaCode code) {
    if (!all.contains(code)) {
      throw Checks.badArgument("area code", "must be in the " + year + " hierarchy", code.value());
    }
    return children.getOrDefault(code, List.of());
  }

  /**
   * All areas of one level (given or implied), sorted.
   *
   * @param level the level
   * @return the codes of that level, sorted by code
   */
  public List<AreaCode> level(AreaLevel level) {
    return all.stream().filter(c -> c.level() == level).sorted().toList();
  }

  @Override
  public String toString() {
    return "AreaHierarchy[" + year + ": " + level(AreaLevel.MUNICIPALITY).size() + " municipalities, "
        + level(AreaLevel.DISTRICT).size() + " districts, " + level(AreaLevel.NEIGHBOURHOOD).size()
        + " neighbourhoods, " + implied.size() + " implied]";
  }
}
