package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.search.SearchSourceStore.StoryText;
import org.lede.story.Story;
import org.lede.testing.Newsroom;

/** The search index's reads of stories, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class JdbiSearchSourceStoreTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    Database db;
    JdbiSearchSourceStore sources;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        db = newsroom.services.db();
        sources = new JdbiSearchSourceStore(db);
    }

    @AfterEach
    void close() {
        db.watchStatements(SqlLogger.NOP_SQL_LOGGER);
        newsroom.close();
    }

    @Test
    void aStoryReadsBackWithItsBlocksInOrderItsLeadInsTagsAndAuthors() {
        Story story = newsroom.publish("Tram line to reach two districts");
        List<StoryText> texts = sources.storyTexts(List.of(story.id(), "01HS0000000000000000000000"));
        assertEquals(1, texts.size(), "a missing id is skipped");
        StoryText text = texts.getFirst();
        assertEquals(story.id(), text.id());
        assertEquals("Tram line to reach two districts", text.headline());
        assertEquals(
                List.of(
                        "The council voted on Tuesday to extend the tram line.",
                        "The line would reach two new districts."),
                text.blocks());
        assertEquals(List.of("Why it matters"), text.leadIns());
        assertEquals(List.of("transit"), text.tags());
        assertEquals(story.draft().authorIds(), text.authorIds());
        assertEquals("published", text.status());
    }

    @Test
    void aBatchIsReadInOneTransactionAndOnPostgresqlWithoutParallelWorkers() {
        Story story = newsroom.publish("Tram line to reach two districts");
        List<String> seen = new ArrayList<>();
        db.watchStatements(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext ctx) {
                if (ctx.getRenderedSql().contains("FROM story_blocks")) {
                    seen.add(state(ctx));
                }
            }
        });
        assertEquals(1, sources.storyTexts(List.of(story.id())).size());
        // One transaction: a story and its blocks, bylines and tags are read from one snapshot.
        // On PostgreSQL with no parallel workers, which one batch only takes from the other loaders.
        assertEquals(
                List.of(dialect == Dialect.POSTGRESQL ? "in a transaction, 0 parallel workers" : "in a transaction"),
                seen);
        if (dialect == Dialect.POSTGRESQL) {
            String after = db.inTransaction(() -> {
                db.handle(h -> h.execute("SET LOCAL max_parallel_workers_per_gather = 3"));
                sources.storyTexts(List.of(story.id()));
                return db.handle(h -> h.createQuery("SHOW max_parallel_workers_per_gather")
                        .mapTo(String.class)
                        .one());
            });
            assertEquals("3", after, "the caller's transaction plans as it did before");
        }
    }

    private String state(StatementContext ctx) {
        try {
            Connection c = ctx.getConnection();
            String state = c.getAutoCommit() ? "on its own" : "in a transaction";
            if (dialect == Dialect.SQLITE) {
                return state;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW max_parallel_workers_per_gather")) {
                rs.next();
                return state + ", " + rs.getString(1) + " parallel workers";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
