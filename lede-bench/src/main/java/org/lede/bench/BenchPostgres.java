package org.lede.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A PostgreSQL server for {@code bench/archive.sh --databases postgresql} on a machine without
 * one: the embedded PostgreSQL the tests use, in {@code DIR}, on {@code PORT}. Prints its JDBC
 * address and runs until it is stopped (TERM), so the script measures Lede against a real
 * PostgreSQL process with PostgreSQL's own durability settings: the embedded server's defaults,
 * made for tests, start it with fsync and synchronous commit off.
 *
 * <p>A {@code DIR} that already holds a server's data is started as it is and kept when the
 * server stops, so an archive kept by {@code archive.sh --keep} can be measured again; the script
 * empties {@code DIR} itself before it builds a new archive.
 */
public final class BenchPostgres {
    private BenchPostgres() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchPostgres DIR PORT");
            System.exit(2);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("BenchPostgres: stopping failed: " + e.getMessage());
            }
        }));
        System.out.println(pg.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
