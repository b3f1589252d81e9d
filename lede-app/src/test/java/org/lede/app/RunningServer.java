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
import java.util.stream.Stream;
import org.lede.db.DatabaseUrl;
import org.lede.db.Dialect;
import org.lede.testing.TestDatabases;
import picocli.CommandLine;

/** `lede serve` run in-process on a free port, as a test's real server; {@link #stop} shuts it down like Ctrl-C. */
final class RunningServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ServeCommand command = new ServeCommand();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final StringWriter out = new StringWriter();

    private RunningServer() {}

    static RunningServer start(Path dataDir, String... extraArgs) {
        RunningServer server = new RunningServer();
        CommandLine cli = new CommandLine(server.command);
        cli.setOut(new PrintWriter(server.out, true));
        List<String> args =
                new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()));
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
        Eventually.until(
                "lede serve to listen",
                Duration.ofSeconds(90),
                () -> server.command.boundPort >= 0 || server.exit.isDone(),
                Boolean.TRUE::equals,
                server::output);
        if (server.exit.isDone()) {
            server.exit.join();
            throw new IllegalStateException("lede serve stopped before it listened:\n" + server.output());
        }
        return server;
    }

    /**
     * The arguments that put a server on a fresh database of this dialect: none for SQLite, which
     * lives in the data directory, else {@code --database-url} to a new PostgreSQL database. Pass the
     * same arguments again to restart on the same database.
     */
    static String[] databaseArgs(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new String[0];
            case POSTGRESQL -> new String[] {"--database-url", TestDatabases.newPostgresDatabase()};
        };
    }

    /** The database that {@link #databaseArgs} points at, for a test to open beside the server. */
    static DatabaseUrl databaseUrl(String[] database, Path dataDir) {
        return DatabaseUrl.parse(database.length == 0 ? null : database[1], dataDir);
    }

    static String[] with(String[] database, String... more) {
        return Stream.concat(Stream.of(database), Stream.of(more)).toArray(String[]::new);
    }

    int port() {
        return command.boundPort;
    }

    /** What the command printed, such as the setup link and demo credentials. */
    String output() {
        return out.toString();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                        .build(),
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
