package org.lede.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/**
 * The real `lede serve --demo` in-process, on a random port over a temporary data directory, started
 * once for a test class: loading the demo newsroom takes seconds, and the tests using it only read.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class DemoSite implements BeforeAllCallback, AfterAllCallback {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private Path dataDir;
    private ServeCommand command;
    private CompletableFuture<Integer> exit;
    private int port = -1;
    private final StringWriter output = new StringWriter();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("lede-demo-site");
        command = new ServeCommand();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        cli.parseArgs("--port", "0", "--host", "127.0.0.1", "--demo", "--data-dir", dataDir.toString());
        exit = new CompletableFuture<>();
        Thread.ofPlatform().name("demo-site").daemon().start(() -> {
            try {
                exit.complete(command.call());
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        });
        Eventually.until(
                "the demo server to listen",
                Duration.ofSeconds(90),
                () -> command.boundPort >= 0 || exit.isDone(),
                Boolean.TRUE::equals,
                output::toString);
        if (exit.isDone()) {
            exit.join();
            throw new IllegalStateException("the demo server stopped before it listened:\n" + output);
        }
        port = command.boundPort;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (command != null) {
                command.stop.countDown();
                if (!exit.isCompletedExceptionally()) {
                    exit.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    /** The site's address with no trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    String origin() {
        if (port < 0) {
            throw new IllegalStateException(
                    "the demo site is not running; register DemoSite with @RegisterExtension on a static field");
        }
        return "http://127.0.0.1:" + port;
    }

    String url(String path) {
        return origin() + path;
    }

    /**
     * The password of the demo account for a role ("admin", "editor", "writer", "contributor"), as
     * the server printed it when it made the accounts in this site's fresh data directory.
     */
    String demoPassword(String role) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(role) + "\\s+\\S+@demo\\.lede\\.test\\s+(\\S+)$")
                .matcher(output.toString());
        if (!m.find()) {
            throw new IllegalStateException(
                    "lede serve --demo printed no password for the " + role + " account:\n" + output);
        }
        return m.group(1);
    }

    /** Whether an absolute URL points into this site (same scheme, host and port). */
    boolean isOnSite(URI uri) {
        URI origin = URI.create(origin());
        return origin.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && origin.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                && origin.getPort() == uri.getPort();
    }

    /** A GET that does not follow redirects, so callers see what the site really answered. */
    HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
