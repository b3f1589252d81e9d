package org.lede.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/** `lede serve` run in-process on a free port, as a test's real server; {@link #stop} shuts it down like Ctrl-C. */
final class RunningServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ServeCommand command = new ServeCommand();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final StringWriter out = new StringWriter();

    private RunningServer() {
    }

    static RunningServer start(Path dataDir, String... extraArgs) {
        RunningServer server = new RunningServer();
        CommandLine cli = new CommandLine(server.command);
        cli.setOut(new PrintWriter(server.out, true));
        List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()));
        args.addAll(List.of(extraArgs));
        cli.parseArgs(args.toArray(String[]::new));
        Thread.ofPlatform().start(() -> {
            try {
                server.exit.complete(server.command.call());
            } catch (Exception e) {
                server.exit.completeExceptionally(e);
            }
        });
        // Loading the demo newsroom on a busy runner takes a while; an exit ends the wait at once.
        Eventually.until("lede serve to listen", Duration.ofSeconds(90),
                () -> server.command.boundPort >= 0 || server.exit.isDone(), Boolean.TRUE::equals, server::output);
        if (server.exit.isDone()) {
            server.exit.join();
            throw new IllegalStateException("lede serve stopped before it listened:\n" + server.output());
        }
        return server;
    }

    int port() {
        return command.boundPort;
    }

    /** What the command printed, such as the setup link and demo credentials. */
    String output() {
        return out.toString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the server and returns its exit code. */
    int stop() throws Exception {
        command.stop.countDown();
        return exit.get();
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}
