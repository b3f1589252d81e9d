package org.lede.demo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.lede.common.ConflictException;
import org.lede.content.Block;
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

/**
 * Writes generated stories as {@code JdbiStoryStore} stores them, through JDBC batches on one
 * connection, many stories a transaction. For the load only, SQLite does not wait for the disk
 * on each commit and keeps a larger page cache, and PostgreSQL commits without waiting for its
 * log to be flushed: a crash mid-load loses at most the last batches of an archive that can be
 * generated again, never the database's consistency.
 */
public final class JdbiArchiveStore implements ArchiveStore {
    private static final String STORY =
            "INSERT INTO stories (id, slug, headline, dek, topic_id, kind, contributor_note,"
                    + " hero_media_id, hero_caption, hero_credit_kind, hero_credit_by, hero_credit_via, status, publish_at,"
                    + " first_published_at, substantive_at, created_at, updated_at, created_by, revision, blocked_reason,"
                    + " hero_alt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BLOCK = "INSERT INTO story_blocks (story_id, position, type, data) VALUES (?, ?, ?, ?)";
    private static final String AUTHOR = "INSERT INTO story_authors (story_id, position, author_id) VALUES (?, ?, ?)";
    private static final String TAG = "INSERT INTO story_tags (story_id, position, tag) VALUES (?, ?, ?)";
    private static final String REVISION = "INSERT INTO story_revisions (story_id, revision, action, actor_id,"
            + " saved_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)";

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
    public void write(Iterator<Story> stories, int batch, IntConsumer written) {
        db.handle(h -> {
            Connection c = h.getConnection();
            try {
                bulk(c, true);
                try {
                    write(c, stories, batch, written);
                } finally {
                    bulk(c, false);
                }
                if (db.dialect() == Dialect.POSTGRESQL) {
                    // Fresh statistics now, rather than whenever autovacuum gets to a million new rows.
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE stories, story_blocks, story_authors, story_tags, story_revisions");
                    }
                }
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new ConflictException("A generated story's slug or id is already taken: " + e.getMessage());
                }
                throw new IllegalStateException("Writing the archive failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private void bulk(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (db.dialect() == Dialect.SQLITE) {
                // The connection goes back to the pool afterwards: restore what the database URL set.
                s.execute(on ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = NORMAL");
                s.execute(on ? "PRAGMA cache_size = -131072" : "PRAGMA cache_size = -2000");
            } else {
                s.execute(on ? "SET synchronous_commit = off" : "RESET synchronous_commit");
            }
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
     * Makes and serializes the next batch on another thread while this one writes the last: on
     * two cores the archive goes in at the speed of the slower half, not of both together.
     */
    private static void write(Connection c, Iterator<Story> stories, int batch, IntConsumer written)
            throws SQLException {
        BlockingQueue<List<Prepared>> ready = new ArrayBlockingQueue<>(2);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread maker = Thread.ofPlatform().name("archive-maker").daemon().start(() -> {
            try {
                while (stories.hasNext() && !stop.get()) {
                    List<Prepared> next = new ArrayList<>(batch);
                    while (next.size() < batch && stories.hasNext()) {
                        next.add(Prepared.of(stories.next()));
                    }
                    ready.put(next);
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
        try (PreparedStatement story = c.prepareStatement(STORY);
                PreparedStatement block = c.prepareStatement(BLOCK);
                PreparedStatement author = c.prepareStatement(AUTHOR);
                PreparedStatement tag = c.prepareStatement(TAG);
                PreparedStatement revision = c.prepareStatement(REVISION)) {
            for (List<Prepared> next = take(ready); !next.isEmpty(); next = take(ready)) {
                for (Prepared p : next) {
                    add(p, story, block, author, tag, revision);
                }
                story.executeBatch();
                block.executeBatch();
                author.executeBatch();
                tag.executeBatch();
                revision.executeBatch();
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

    private static List<Prepared> take(BlockingQueue<List<Prepared>> ready) {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the archive", e);
        }
    }

    private static void add(
            Prepared p,
            PreparedStatement story,
            PreparedStatement block,
            PreparedStatement author,
            PreparedStatement tag,
            PreparedStatement revision)
            throws SQLException {
        Story s = p.story();
        StoryDraft d = s.draft();
        ImageBlock hero = d.hero();
        int i = 0;
        story.setString(++i, s.id());
        story.setString(++i, d.slug());
        story.setString(++i, d.headline());
        story.setString(++i, d.dek());
        story.setString(++i, d.topicId());
        story.setString(++i, d.kind().key());
        story.setString(++i, d.contributorNote());
        story.setString(++i, hero == null ? null : hero.mediaId());
        story.setString(++i, hero == null ? null : hero.caption());
        story.setString(
                ++i,
                hero == null || hero.credit() == null
                        ? null
                        : hero.credit().kind().name());
        story.setString(
                ++i,
                hero == null || hero.credit() == null ? null : hero.credit().by());
        story.setString(
                ++i,
                hero == null || hero.credit() == null ? null : hero.credit().via());
        story.setString(++i, s.status().key());
        story.setString(++i, Times.format(s.publishAt()));
        story.setString(++i, Times.format(s.firstPublishedAt()));
        story.setString(++i, Times.format(s.substantiveAt()));
        story.setString(++i, Times.format(s.createdAt()));
        story.setString(++i, Times.format(s.updatedAt()));
        story.setString(++i, s.createdBy());
        story.setInt(++i, s.revision());
        story.setString(++i, s.blockedReason());
        story.setString(++i, hero == null ? null : hero.alt());
        story.addBatch();
        List<Block> body = d.body();
        for (int n = 0; n < body.size(); n++) {
            block.setString(1, s.id());
            block.setInt(2, n);
            block.setString(3, body.get(n).type());
            block.setString(4, p.blocks().get(n));
            block.addBatch();
        }
        positional(author, s.id(), d.authorIds());
        positional(tag, s.id(), d.tags());
        revision.setString(1, s.id());
        revision.setInt(2, s.revision());
        revision.setString(3, StoryAction.PUBLISHED.type());
        revision.setString(4, s.createdBy());
        revision.setString(5, Times.format(s.updatedAt()));
        revision.setString(6, p.snapshot());
        revision.addBatch();
    }

    private static void positional(PreparedStatement insert, String storyId, List<String> values) throws SQLException {
        for (int p = 0; p < values.size(); p++) {
            insert.setString(1, storyId);
            insert.setInt(2, p);
            insert.setString(3, values.get(p));
            insert.addBatch();
        }
    }
}
