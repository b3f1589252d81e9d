package org.lede.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
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
        String base = postgresBase();
        String name = "lede_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
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
            Path dir = Files.createTempDirectory("lede-pg-");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory goes with the machine's cleanup
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
