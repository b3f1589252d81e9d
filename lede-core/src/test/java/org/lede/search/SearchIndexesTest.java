package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.lucene.LuceneSearchIndex;
import org.lede.search.store.PostgresSearchIndex;
import org.lede.testing.TestDatabases;

/**
 * By default nodes that share a PostgreSQL database share its index and a SQLite site keeps
 * Lucene's on disk; Lucene may be chosen on PostgreSQL too, one copy per node.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class SearchIndexesTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void theDatabaseChoosesTheIndex() {
        try (Database db = TestDatabases.open(dialect, dir);
                SearchIndex index = SearchIndexes.open(db, dir.resolve("index"), Clock.systemUTC())) {
            assertEquals(
                    dialect == Dialect.POSTGRESQL ? PostgresSearchIndex.class : LuceneSearchIndex.class,
                    index.getClass());
        }
    }

    @Test
    void luceneIsKeptUnderTheDataDirectoryOnEitherDatabase() {
        try (Database db = TestDatabases.open(dialect, dir);
                SearchIndex index =
                        SearchIndexes.open(db, dir.resolve("index"), Clock.systemUTC(), SearchIndexes.Kind.LUCENE)) {
            assertEquals(LuceneSearchIndex.class, index.getClass());
        }
    }

    @Test
    void postgresqlsOwnIndexOnlyOnPostgresql() {
        try (Database db = TestDatabases.open(dialect, dir)) {
            if (dialect == Dialect.POSTGRESQL) {
                try (SearchIndex index = SearchIndexes.open(
                        db, dir.resolve("index"), Clock.systemUTC(), SearchIndexes.Kind.POSTGRESQL)) {
                    assertEquals(PostgresSearchIndex.class, index.getClass());
                }
            } else {
                IllegalArgumentException refused = assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchIndexes.open(
                                db, dir.resolve("index"), Clock.systemUTC(), SearchIndexes.Kind.POSTGRESQL));
                assertEquals("The postgresql search index needs a PostgreSQL database.", refused.getMessage());
                assertFalse(Files.exists(dir.resolve("index")), "nothing made on the way to refusing");
            }
        }
    }

    @Test
    void nodesKeepingLuceneOverOnePostgresqlEachKeepTheirOwnPosition() {
        try (Database db = TestDatabases.open(dialect, dir);
                SearchIndex one =
                        SearchIndexes.open(db, dir.resolve("one"), Clock.systemUTC(), SearchIndexes.Kind.LUCENE);
                SearchIndex two =
                        SearchIndexes.open(db, dir.resolve("two"), Clock.systemUTC(), SearchIndexes.Kind.LUCENE)) {
            one.apply(List.of(), List.of(), 5);
            assertEquals(0, two.appliedThrough(), "each follows the outbox for itself");
        }
    }

    @Test
    void twoNodesOnOnePostgresqlSeeEachOthersChanges() {
        try (Database db = TestDatabases.open(dialect, dir);
                SearchIndex one = SearchIndexes.open(db, dir.resolve("one"), Clock.systemUTC());
                SearchIndex two = SearchIndexes.open(db, dir.resolve("two"), Clock.systemUTC())) {
            one.apply(List.of(), List.of(), 5);
            assertEquals(dialect == Dialect.POSTGRESQL ? 5 : 0, two.appliedThrough());
        }
    }
}
