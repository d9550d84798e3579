package io.github.dmstat.charts.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a local headless Chromium over the DevTools protocol (loopback only): opens a page,
 * collects console errors and exceptions, evaluates expressions and takes screenshots. For tests.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();
  private String session;

  /** The browser's profile folder (a test's temporary folder). */
  private final Path profile;

  /** The Chromium binary, if one is installed. */
  static Optional<Path> binary() {
    for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
      if (Files.isExecutable(Path.of(p))) {
        return Optional.of(Path.of(p));
      }
    }
    return Optional.empty();
  }

  HeadlessChromium(Path binary, Path profile) throws Exception {
    this.profile = profile;
    process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String url = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line; url == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
      int at = line.indexOf("ws://");
      if (line.contains("DevTools listening on") && at >= 0) {
        url = line.substring(at).trim();
      }
    }
    if (url == null) {
      process.destroyForcibly();
      throw new IOException("Chromium did not print its DevTools address");
    }
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (IOException ignored) {
        // process ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
        .get(30, TimeUnit.SECONDS);
  }

  /** Opens {@code file} in a new page and waits for its load event. */
  void open(Path file) throws Exception {
    JsonNode target = browser("Target.createTarget", Map.of("url", "about:blank"));
    JsonNode attached = browser("Target.attachToTarget",
        Map.of("targetId", target.get("targetId").asText(), "flatten", true));
    session = attached.get("sessionId").asText();
    page("Runtime.enable", Map.of());
    page("Log.enable", Map.of());
    page("Page.enable", Map.of());
    page("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    page("Page.navigate", Map.of("url", file.toUri().toString()));
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** Console errors, uncaught exceptions and error log entries seen so far. */
  List<String> errors() {
    return new ArrayList<>(errors);
  }

  /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode r = page("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("page script failed: " + r.get("exceptionDetails"));
    }
    return r.get("result").get("value");
  }

  /** A full-page PNG screenshot. */
  byte[] screenshot() throws Exception {
    JsonNode r = page("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    return Base64.getDecoder().decode(r.get("data").asText());
  }

  private JsonNode browser(String method, Map<String, Object> params) throws Exception {
    return send(method, params, null);
  }

  private JsonNode page(String method, Map<String, Object> params) throws Exception {
    return send(method, params, session);
  }

  private JsonNode send(String method, Map<String, Object> params, String sessionId) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = f.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  private void event(JsonNode m) {
    String method = m.path("method").asText();
    JsonNode p = m.path("params");
    switch (method) {
      case "Page.loadEventFired":
        loaded.complete(null);
        break;
      case "Runtime.exceptionThrown":
        errors.add("exception: " + p.path("exceptionDetails").path("text").asText() + " "
            + p.path("exceptionDetails").path("exception").path("description").asText());
        break;
      case "Runtime.consoleAPICalled":
        if ("error".equals(p.path("type").asText()) || "assert".equals(p.path("type").asText())) {
          errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
        }
        break;
      case "Log.entryAdded":
        if ("error".equals(p.path("entry").path("level").asText())) {
          errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
        }
        break;
      default:
        break;
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        try {
          JsonNode m = JSON.readTree(buffer.toString());
          if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
              f.complete(m);
            }
          } else {
            event(m);
          }
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
        buffer.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser is killed below anyway
    }
    // the browser's helper processes (renderer, GPU, ...) write into the profile folder too: they
    // must be gone before a test's temporary folder is deleted
    java.util.List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle h : helpers) {
        h.destroy();
        try {
          h.onExit().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          h.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
    // Chromium links SingletonSocket, SingletonLock and SingletonCookie in the profile to a folder of
    // its own under the temporary directory: remove the links and that folder, so that JUnit, which
    // deletes the profile, finds no link that points outside it (and warns)
    for (String name : List.of("SingletonSocket", "SingletonLock", "SingletonCookie")) {
      Path link = profile.resolve(name);
      try {
        if (Files.isSymbolicLink(link)) {
          Path target = Files.readSymbolicLink(link);
          Files.delete(link);
          if (target.isAbsolute() && target.getParent() != null
              && target.getParent().getFileName().toString().startsWith("org.chromium.Chromium.")) {
            Files.deleteIfExists(target);
            Files.deleteIfExists(target.getParent()); // once empty
          }
        }
      } catch (IOException ignored) {
        // left for JUnit to report
      }
    }
  }
}
