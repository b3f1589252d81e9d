package org.lede.demo.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.lede.common.ConflictException;
import org.lede.common.Workers;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.Times;
import org.lede.demo.ArchiveStore;
import org.lede.outbox.Event.StoryAction;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.json.BlockJson;
import org.lede.story.json.StoryJson;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes generated stories as {@code JdbiStoryStore} stores them, many stories a transaction: JDBC
 * batches into SQLite on one connection, {@code COPY} into PostgreSQL on a connection a core. For
 * the load only, SQLite does not wait for the disk on each commit and keeps a larger page cache,
 * and PostgreSQL commits without waiting for its log to be flushed: a crash mid-load loses at most
 * the last batches of an archive that can be generated again, never the database's consistency.
 */
public final class JdbiArchiveStore implements ArchiveStore {
    private static final List<String> STORY = List.of(
            "id",
            "slug",
            "headline",
            "dek",
            "topic_id",
            "kind",
            "contributor_note",
            "hero_media_id",
            "hero_caption",
            "hero_credit_kind",
            "hero_credit_by",
            "hero_credit_via",
            "status",
            "publish_at",
            "first_published_at",
            "substantive_at",
            "created_at",
            "updated_at",
            "created_by",
            "revision",
            "blocked_reason",
            "hero_alt");
    private static final List<String> BLOCK = List.of("story_id", "position", "type", "data");
    private static final List<String> AUTHOR = List.of("story_id", "position", "author_id");
    private static final List<String> TAG = List.of("story_id", "position", "tag");
    private static final List<String> REVISION =
            List.of("story_id", "revision", "action", "actor_id", "saved_at", "snapshot");

    private final Database db;

    public JdbiArchiveStore(Database db) {
        this.db = db;
    }

    @Override
    public int storyCount() {
        return db.handle(h -> h.createQuery("SELECT COUNT(*) FROM stories")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public void write(IntFunction<Story> stories, int count, int batch, IntConsumer written) {
        if (db.dialect() == Dialect.POSTGRESQL) {
            copyAside(stories, count, batch, written);
            vacuum();
            return;
        }
        db.handle(h -> {
            Connection c = h.getConnection();
            try {
                List<String> restore = bulk(c);
                try {
                    insert(c, stories, count, batch, written);
                } finally {
                    try (Statement s = c.createStatement()) {
                        for (String statement : restore) {
                            s.execute(statement);
                        }
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return null;
        });
    }

    private static RuntimeException failed(SQLException e) {
        if (Database.isUniqueViolation(e)) {
            return new ConflictException("A generated story's slug or id is already taken: " + e.getMessage());
        }
        return new IllegalStateException("Writing the archive failed: " + e.getMessage(), e);
    }

    /**
     * PostgreSQL: each batch is copied in a transaction of its own on a connection a core, while
     * this thread makes the next. On one connection the load kept one backend busy on a core
     * (parsing and storing every row and its index entries) while making the stories used a
     * seventh of the other: about 1,000 stories/s, short of the 1,111 that a million in fifteen
     * minutes needs. Batches may commit out of order; a crash mid-load loses at most the batches
     * in flight, of an archive that can be generated again.
     */
    private void copyAside(IntFunction<Story> stories, int count, int batch, IntConsumer written) {
        int[] total = {0};
        try (Workers writers = Workers.perCore("lede-archive-copy")) {
            for (int from = 0; from < count; from += batch) {
                List<Prepared> made = IntStream.range(from, Math.min(count, from + batch))
                        .parallel()
                        .mapToObj(i -> Prepared.of(stories.apply(i)))
                        .toList();
                writers.submit(() -> {
                    copy(made);
                    synchronized (total) {
                        total[0] += made.size();
                        written.accept(total[0]);
                    }
                });
            }
            writers.awaitAll();
        }
    }

    /**
     * The tables a load fills, about the largest first: those it copies into, then those their
     * triggers keep (V19's author_stream, V21's live_story_tags, V26's author and tag lists, V27's
     * story_media), which readers and Go deeper read as much.
     */
    private static final List<String> LOADED = List.of(
            "story_revisions",
            "story_blocks",
            "stories",
            "story_tags",
            "story_authors",
            "live_story_tags",
            "tag_published",
            "story_media",
            "author_stream",
            "author_published",
            "author_saved");

    /**
     * Vacuums and analyzes what was loaded ({@link #LOADED}), a table a core, so that no
     * pass over a million new rows is left for autovacuum to start under whatever runs next (the
     * search rebuild reads every story), and the visibility map and the planner's figures are
     * right from the start. Autovacuum goes through the growing tables during the load, each
     * time they grow by a fifth, so the pass here is short: 2.2 s over the tables copied into and
     * story_media after a million stories.
     */
    private void vacuum() {
        try (Workers vacuums = Workers.perCore("lede-archive-vacuum")) {
            for (String table : LOADED) {
                // VACUUM cannot run in a transaction: each is a statement of its own, committed alone.
                vacuums.submit(() -> db.handle(h -> h.execute("VACUUM (ANALYZE) " + table)));
            }
            vacuums.awaitAll();
        }
    }

    /** One batch's rows into every table, in one transaction that does not wait for the log's flush. */
    private void copy(List<Prepared> made) {
        db.inTransaction(() -> db.handle(h -> {
            h.execute("SET LOCAL synchronous_commit = off");
            try {
                CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
                for (Rows rows : rows(made)) {
                    rows.copy(copy);
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return null;
        }));
    }

    /** The rows of {@code made} by table, in the order their keys refer to each other. */
    private static List<Rows> rows(List<Prepared> made) {
        Rows story = new Rows("stories", STORY);
        Rows block = new Rows("story_blocks", BLOCK);
        Rows author = new Rows("story_authors", AUTHOR);
        Rows tag = new Rows("story_tags", TAG);
        Rows revision = new Rows("story_revisions", REVISION);
        for (Prepared p : made) {
            add(p, story, block, author, tag, revision);
        }
        return List.of(story, block, author, tag, revision);
    }

    /**
     * Sets the connection to load without waiting for the disk at each batch; returns the
     * statements that set it back as it was, since it goes back to the pool afterwards.
     */
    private static List<String> bulk(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            List<String> restore = List.of(
                    "PRAGMA synchronous = " + pragma(s, "synchronous"),
                    "PRAGMA cache_size = " + pragma(s, "cache_size"));
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = -131072");
            return restore;
        }
    }

    private static long pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A story with its JSON written, so the writing thread only binds and executes. */
    private record Prepared(Story story, List<String> blocks, String snapshot) {
        static Prepared of(Story story) {
            return new Prepared(
                    story,
                    story.draft().body().stream().map(BlockJson::writeString).toList(),
                    StoryJson.write(story));
        }
    }

    /**
     * SQLite: makes and serializes the next batch on other threads (a parallel stream: making is
     * most of the work) while this one writes the last, so the archive goes in at the speed of the
     * slower half, not of both together. SQLite has one writer, so one connection.
     */
    private static void insert(Connection c, IntFunction<Story> stories, int count, int batch, IntConsumer written)
            throws SQLException {
        BlockingQueue<List<Prepared>> ready = new ArrayBlockingQueue<>(1);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread maker = Thread.ofPlatform().name("archive-maker").daemon().start(() -> {
            try {
                for (int from = 0; from < count && !stop.get(); from += batch) {
                    ready.put(IntStream.range(from, Math.min(count, from + batch))
                            .parallel()
                            .mapToObj(i -> Prepared.of(stories.apply(i)))
                            .toList());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.set(e);
            }
            try {
                ready.put(List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int total = 0;
        try {
            for (List<Prepared> next = take(ready); !next.isEmpty(); next = take(ready)) {
                for (Rows rows : rows(next)) {
                    rows.insert(c);
                }
                c.commit();
                total += next.size();
                written.accept(total);
            }
            if (failed.get() != null) {
                throw failed.get();
            }
        } catch (SQLException | RuntimeException e) {
            stop.set(true);
            maker.interrupt();
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * One batch's rows of one table. SQLite takes them as a JDBC batch; PostgreSQL as one {@code
     * COPY}, which it reads as a stream rather than as a statement a row: 100,000 stories went in
     * at 672 stories/s through batched inserts, at 793 through COPY.
     */
    static final class Rows {
        private final String table;
        private final List<String> columns;
        private final List<Object[]> rows = new ArrayList<>();

        Rows(String table, List<String> columns) {
            this.table = table;
            this.columns = columns;
        }

        /** One row, a value a column: text, a whole number or null. */
        void add(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(table + " takes " + columns.size() + " values");
            }
            rows.add(values);
        }

        void insert(Connection c) throws SQLException {
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        void copy(CopyManager copy) throws SQLException {
            StringBuilder csv = new StringBuilder();
            for (Object[] row : rows) {
                csv(csv, row);
            }
            try {
                copy.copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * One CSV line: every value quoted, a quote inside doubled, so commas and line breaks in a
         * body are data; null unquoted and empty, which is how CSV says NULL to PostgreSQL.
         */
        static void csv(StringBuilder out, Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (row[i] != null) {
                    out.append('"')
                            .append(row[i].toString().replace("\"", "\"\""))
                            .append('"');
                }
            }
            out.append('\n');
        }
    }

    private static List<Prepared> take(BlockingQueue<List<Prepared>> ready) {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the archive", e);
        }
    }

    private static void add(Prepared p, Rows story, Rows block, Rows author, Rows tag, Rows revision) {
        Story s = p.story();
        StoryDraft d = s.draft();
        ImageBlock hero = d.hero();
        Credit credit = hero == null ? null : hero.credit();
        story.add(
                s.id(),
                d.slug(),
                d.headline(),
                d.dek(),
                d.topicId(),
                d.kind().key(),
                d.contributorNote(),
                hero == null ? null : hero.mediaId(),
                hero == null ? null : hero.caption(),
                credit == null ? null : credit.kind().name(),
                credit == null ? null : credit.by(),
                credit == null ? null : credit.via(),
                s.status().key(),
                Times.format(s.publishAt()),
                Times.format(s.firstPublishedAt()),
                Times.format(s.substantiveAt()),
                Times.format(s.createdAt()),
                Times.format(s.updatedAt()),
                s.createdBy(),
                s.revision(),
                s.blockedReason(),
                hero == null ? null : hero.alt());
        List<Block> body = d.body();
        for (int n = 0; n < body.size(); n++) {
            block.add(s.id(), n, body.get(n).type(), p.blocks().get(n));
        }
        positional(author, s.id(), d.authorIds());
        positional(tag, s.id(), d.tags());
        revision.add(
                s.id(),
                s.revision(),
                StoryAction.PUBLISHED.type(),
                s.createdBy(),
                Times.format(s.updatedAt()),
                p.snapshot());
    }

    private static void positional(Rows rows, String storyId, List<String> values) {
        for (int p = 0; p < values.size(); p++) {
            rows.add(storyId, p, values.get(p));
        }
    }
}
