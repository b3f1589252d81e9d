package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.story.Story;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;

/** How the search index's reads of stories plan on PostgreSQL, which SQLite has no setting for. */
class JdbiSearchSourceStorePostgresTest {
    @TempDir
    Path dir;

    Newsroom newsroom;
    Database db;
    JdbiSearchSourceStore sources;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(Dialect.POSTGRESQL, dir);
        db = newsroom.services.db();
        sources = new JdbiSearchSourceStore(db);
    }

    @AfterEach
    void close() {
        db.watchStatements(SqlLogger.NOP_SQL_LOGGER);
        newsroom.close();
    }

    @Test
    void onPostgresqlABatchIsReadWithoutParallelWorkersAndTheCallersSettingIsKept() {
        Story story = publish("Tram line to reach two districts");
        List<String> inForce = new ArrayList<>();
        db.watchStatements(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext ctx) {
                if (ctx.getRenderedSql().contains("FROM story_blocks")) {
                    inForce.add(setting(ctx));
                }
            }
        });
        String after = db.inTransaction(() -> {
            db.handle(h -> h.execute("SET LOCAL max_parallel_workers_per_gather = 3"));
            assertEquals(1, sources.storyTexts(List.of(story.id())).size());
            return db.handle(h -> h.createQuery("SHOW max_parallel_workers_per_gather")
                    .mapTo(String.class)
                    .one());
        });
        assertEquals(List.of("0"), inForce, "the blocks, bylines and tags were read with no parallel workers");
        assertEquals("3", after, "the caller's transaction plans as it did before");
    }

    private static String setting(StatementContext ctx) {
        try (Statement s = ctx.getConnection().createStatement();
                ResultSet rs = s.executeQuery("SHOW max_parallel_workers_per_gather")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Story publish(String headline) {
        var stories = newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft(headline));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }
}
