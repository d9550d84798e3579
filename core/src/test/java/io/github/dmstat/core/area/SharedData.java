package io.github.dmstat.core.area;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the real CBS data folder ({@code shared/data}, not part of the repository): system
 * property {@code dmstat.shared.data} (set by Maven surefire), else {@code ../shared/data} next to
 * the repository root found from the test class path. Tests using it call
 * {@code assumeTrue(SharedData.dir().isPresent())}.
 */
public final class SharedData {
  private SharedData() {}

  /** The folder when it exists. */
  public static Optional<Path> dir() {
    String p = System.getProperty("dmstat.shared.data");
    if (p != null && !p.isBlank() && Files.isDirectory(Path.of(p))) {
      return Optional.of(Path.of(p).normalize());
    }
    try {
      Path classes = Path.of(SharedData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path d = classes; d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core"))) {
          Path data = d.resolveSibling("shared").resolve("data");
          return Files.isDirectory(data) ? Optional.of(data.normalize()) : Optional.empty();
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** A file in the folder when both exist. */
  public static Optional<Path> file(String name) {
    return dir().map(d -> d.resolve(name)).filter(Files::isRegularFile);
  }
}
