package ipclab.grader.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Debian's headless {@code chromium}, driven over the DevTools protocol (a WebSocket, the JDK's
 * client; no driver): open a page, wait for its load event, evaluate JavaScript, collect console
 * errors and uncaught exceptions, take a screenshot. For the HTML report's browser test.
 *
 * <pre>{@code
 * try (var browser = Chromium.start(profileDir)) {
 *     var page = browser.open(Path.of("index.html"));
 *     JsonNode rows = page.eval("document.querySelectorAll('tr').length");
 * }
 * }</pre>
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    /** Console errors, uncaught exceptions and error log entries, as text, of every page. */
    final List<String> errors = new CopyOnWriteArrayList<>();

    private Chromium(Process process, String url) {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).join();
    }

    /** The chromium on PATH (or in /usr/bin), if there is one. */
    static Optional<Path> find() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")), Stream.of("/usr/bin"))
                .filter(d -> !d.isEmpty())
                .flatMap(d -> Stream.of(Path.of(d, "chromium"), Path.of(d, "chromium-browser")))
                .filter(Files::isExecutable).findFirst();
    }

    static Chromium start(Path binary, Path profile) throws IOException {
        var process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,900",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        var stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        var url = new CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = stderr.readLine()) != null;) {
                    var m = LISTENING.matcher(line);
                    if (m.find()) url.complete(m.group(1));
                }
                url.completeExceptionally(new IOException("chromium ended without a DevTools address"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        try {
            return new Chromium(process, url.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("chromium did not start: " + e.getMessage(), e);
        }
    }

    /** A tab that has loaded the file (its load event fired). */
    Page open(Path file) throws Exception {
        String target = call("Target.createTarget", Map.of("url", "about:blank"), null).get("targetId").asText();
        String session = call("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null).get("sessionId").asText();
        for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable")) call(domain, Map.of(), session);
        var loaded = new CompletableFuture<Void>();
        loads.put(session, loaded);
        call("Page.navigate", Map.of("url", file.toUri().toString()), session);
        loaded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new Page(session);
    }

    /** One tab. */
    final class Page {
        private final String session;

        private Page(String session) {
            this.session = session;
        }

        /** The value of a JavaScript expression (JSON-serialisable). */
        JsonNode eval(String expression) throws Exception {
            var reply = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true), session);
            if (reply.has("exceptionDetails")) throw new AssertionError("JavaScript failed: " + reply.get("exceptionDetails"));
            return reply.get("result").path("value");
        }

        /** A PNG of the whole page. */
        byte[] screenshot() throws Exception {
            var reply = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true), session);
            return java.util.Base64.getDecoder().decode(reply.get("data").asText());
        }
    }

    private JsonNode call(String method, Map<String, Object> params, String session) throws Exception {
        int id = ids.incrementAndGet();
        var message = new LinkedHashMap<String, Object>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (session != null) message.put("sessionId", session);
        var reply = new CompletableFuture<JsonNode>();
        replies.put(id, reply);
        socket.sendText(Json.write(message), true).join();
        JsonNode answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + ": " + answer.get("error"));
        return answer.get("result");
    }

    private void event(JsonNode message) {
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        switch (method) {
            case "Page.loadEventFired" ->
                Optional.ofNullable(loads.get(message.path("sessionId").asText())).ifPresent(f -> f.complete(null));
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) errors.add("console.error: " + params.path("args"));
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) errors.add("log: " + params.path("entry"));
            }
            default -> {
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                var message = Json.tree(text.toString());
                text.setLength(0);
                if (message.has("id")) Optional.ofNullable(replies.remove(message.get("id").asInt())).ifPresent(f -> f.complete(message));
                else event(message);
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendText("{\"id\": 0, \"method\": \"Browser.close\"}", true).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // killed below anyway
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
