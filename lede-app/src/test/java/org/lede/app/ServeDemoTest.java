package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `lede serve --demo` end to end: the real command, a real port, real HTTP. */
class ServeDemoTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int serve(ServeCommand command, CompletableFuture<Integer> exit) throws Exception {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.parseArgs("--port", "0", "--host", "127.0.0.1", "--demo", "--data-dir", dir.toString());
        Thread.ofPlatform().start(() -> {
            try {
                exit.complete(command.call());
            } catch (Exception e) {
                exit.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (command.boundPort < 0 && !exit.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (exit.isDone()) {
            exit.join();
        }
        return command.boundPort;
    }

    @Test
    void demoSiteServesHomeAndStoryPagesAndLoadsOnlyOnce() throws Exception {
        ServeCommand first = new ServeCommand();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        int port = serve(first, exit);
        HttpResponse<String> home = get(port, "/");
        assertEquals(200, home.statusCode());
        Matcher link = Pattern.compile("href=\"(/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+)\"").matcher(home.body());
        int cards = 0;
        while (link.find()) {
            cards++;
        }
        assertEquals(10, cards, "a full first page of demo stories");
        link.reset().find();
        HttpResponse<String> story = get(port, link.group(1));
        assertEquals(200, story.statusCode());
        assertTrue(story.body().contains("<figcaption>"), "hero with caption");
        assertTrue(story.body().contains("class=\"credit\">Illustration: ") || story.body().contains("class=\"credit\">Graphic: "));
        assertTrue(story.body().contains("<strong>Why it matters:</strong>") || story.body().contains("<strong>The big picture:</strong>"));
        HttpResponse<String> older = get(port, "/?page=2");
        assertTrue(older.body().contains("Newer stories"));
        first.stop.countDown();
        assertEquals(0, exit.get());

        ServeCommand second = new ServeCommand();
        CompletableFuture<Integer> exitAgain = new CompletableFuture<>();
        int portAgain = serve(second, exitAgain);
        String page2 = get(portAgain, "/?page=2").body();
        int total = cards + (int) Pattern.compile("class=\"card\"").matcher(page2).results().count();
        assertEquals(14, total, "the second --demo start added nothing");
        second.stop.countDown();
        assertEquals(0, exitAgain.get());
    }
}
