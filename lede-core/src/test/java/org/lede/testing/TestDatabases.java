package org.lede.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.db.Dialect;

/**
 * Fresh, migrated databases for tests: a SQLite file in a temporary directory, or a new database
 * on a real PostgreSQL. PostgreSQL is the server named by {@code LEDE_TEST_POSTGRES_URL}
 * (a JDBC URL to a database whose user may create databases) when set, else an embedded
 * PostgreSQL started once per test JVM.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    static final String PREFIX = "lede-pg-";
    private static final String OWNER = "owner.pid";
    static final String GOING = "deleting-";
    private static volatile String postgresBase;

    private TestDatabases() {}

    public static Database open(Dialect dialect, Path dir) {
        return Database.open(url(dialect, dir));
    }

    public static DatabaseUrl url(Dialect dialect, Path dir) {
        return switch (dialect) {
            case SQLITE -> DatabaseUrl.sqliteIn(dir);
            case POSTGRESQL -> DatabaseUrl.parse(newPostgresDatabase(), dir);
        };
    }

    /** Creates an empty PostgreSQL database and returns its JDBC URL. */
    public static String newPostgresDatabase() {
        return newPostgresDatabase("");
    }

    /**
     * Creates an empty PostgreSQL database with these options of CREATE DATABASE (a locale of its
     * own: "TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'") and returns its JDBC URL.
     */
    public static String newPostgresDatabase(String options) {
        String base = postgresBase();
        String name = "lede_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (options.isEmpty() ? "" : " " + options));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + DatabaseUrl.redact(base), e);
        }
        return withDatabase(base, name);
    }

    static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String tail = query < 0 ? "" : url.substring(query);
        return head.substring(0, head.lastIndexOf('/') + 1) + name + tail;
    }

    private static String postgresBase() {
        if (postgresBase == null) {
            synchronized (TestDatabases.class) {
                if (postgresBase == null) {
                    String external = System.getenv("LEDE_TEST_POSTGRES_URL");
                    postgresBase = external != null && !external.isBlank() ? external : startEmbedded();
                }
            }
        }
        return postgresBase;
    }

    private static String startEmbedded() {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            sweepAbandoned(tmp);
            Path dir = Files.createTempDirectory(tmp, PREFIX);
            Files.writeString(
                    dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    // Not on close: the shutdown hook removes the whole directory without waiting (removeLater).
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                    removeLater(dir);
                } catch (IOException | UncheckedIOException ignored) {
                    // The JVM is exiting; the next test JVM sweeps what is left (sweepAbandoned).
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Deletes a stopped server's directory without this JVM waiting for it: a suite's databases
     * are gigabytes (500 of them, 4.6 GB, took 22 s to delete), and the build stops waiting for a
     * test JVM 30 s after it exits, then kills it. The directory first leaves the sweep's prefix,
     * so the next JVM's sweep never deletes the same tree at the same time; without {@code rm},
     * this JVM deletes it itself.
     */
    static void removeLater(Path dir) throws IOException {
        Path going = dir.resolveSibling(GOING + dir.getFileName());
        Files.move(dir, going, StandardCopyOption.ATOMIC_MOVE);
        try {
            new ProcessBuilder("rm", "-rf", going.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noRm) {
            deleteTree(going);
        }
    }

    /**
     * Removes the directories of embedded servers whose JVM is gone. A test JVM that is killed,
     * or that the build stops waiting for, never runs its shutdown hook, and each such directory
     * holds a whole cluster (gigabytes after a full run); left alone they fill the disk.
     */
    static void sweepAbandoned(Path tmp) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (abandoned(dir)) {
                    deleteTree(dir);
                }
            }
        }
    }

    private static boolean abandoned(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER);
        if (!Files.exists(owner)) {
            // Being created by another JVM right now, or older than the owner file: only the latter is ours to remove.
            return Files.getLastModifiedTime(dir)
                    .toInstant()
                    .isBefore(Instant.now().minus(Duration.ofHours(1)));
        }
        try {
            long pid = Long.parseLong(Files.readString(owner).strip());
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException ignored) {
                    // Gone meanwhile: the server removes its own files as it stops.
                }
            }
        }
    }
}
