package org.lede.search.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.testing.TestDatabases;

/** A test class whose tests share one migrated PostgreSQL database, as they only add rows of their own. */
abstract class PostgresClassTest {
    @TempDir
    static Path dir;

    static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabases.open(Dialect.POSTGRESQL, dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }
}
