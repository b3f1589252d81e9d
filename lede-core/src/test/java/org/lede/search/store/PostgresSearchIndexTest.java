package org.lede.search.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.SearchIndex;
import org.lede.search.SearchIndexContract;
import org.lede.testing.TestDatabases;

/** The PostgreSQL adapter against the contract, on a real PostgreSQL (embedded unless configured). */
class PostgresSearchIndexTest extends SearchIndexContract {
    @TempDir
    Path dir;

    private Database db;

    @Override
    protected SearchIndex open() {
        if (db == null) {
            db = TestDatabases.open(Dialect.POSTGRESQL, dir);
        }
        return new PostgresSearchIndex(db, clock);
    }

    @AfterEach
    void closeDatabase() {
        index.close();
        db.close();
    }
}
