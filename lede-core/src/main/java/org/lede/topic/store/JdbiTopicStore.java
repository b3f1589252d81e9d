package org.lede.topic.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lede.common.ConflictException;
import org.lede.common.Names;
import org.lede.common.Reference;
import org.lede.db.Database;
import org.lede.db.StoryReferences;
import org.lede.db.Times;
import org.lede.topic.Topic;
import org.lede.topic.TopicStore;

public final class JdbiTopicStore implements TopicStore {
    private static final String SELECT = "SELECT id, slug, name, description, position FROM topics";
    /** Names are compared in Java so both databases agree; see {@link Names}. */
    private static final Comparator<Topic> NAVIGATION = Comparator.comparingInt(Topic::position)
            .thenComparing(Topic::name, Names.ORDER)
            .thenComparing(Topic::id);

    private final Database db;

    public JdbiTopicStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Topic t) {
        write(
                "INSERT INTO topics (id, slug, name, description, position) VALUES (:id, :slug, :name, :description, :position)",
                t);
    }

    @Override
    public void update(Topic t) {
        write(
                "UPDATE topics SET slug = :slug, name = :name, description = :description, position = :position WHERE id = :id",
                t);
    }

    private void write(String sql, Topic t) {
        try {
            db.handle(h -> h.createUpdate(sql)
                    .bind("id", t.id())
                    .bind("slug", t.slug())
                    .bind("name", t.name())
                    .bind("description", t.description())
                    .bind("position", t.position())
                    .execute());
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) {
                throw new ConflictException("The topic slug \"" + t.slug() + "\" is already used.");
            }
            throw e;
        }
    }

    @Override
    public List<Reference> uses(String id) {
        return db.handle(h -> {
            List<Reference> uses = new ArrayList<>(StoryReferences.of(h, "topic_id = ?", id));
            uses.addAll(h.createQuery("SELECT title FROM dashboards WHERE topic_id = ? ORDER BY title, id")
                    .bind(0, id)
                    .map((rs, c) -> new Reference(Reference.Kind.DASHBOARD, rs.getString("title")))
                    .list());
            return uses;
        });
    }

    @Override
    public void delete(Topic topic, String mergedIntoId, Instant at) {
        db.inTransaction(() -> db.handle(h -> {
            if (mergedIntoId != null) {
                h.execute("UPDATE stories SET topic_id = ? WHERE topic_id = ?", mergedIntoId, topic.id());
                h.execute("UPDATE dashboards SET topic_id = ? WHERE topic_id = ?", mergedIntoId, topic.id());
            }
            // Addresses that led here lead on to where this topic's stories went, or are gone with it.
            h.execute(
                    "UPDATE retired_slugs SET target_id = ? WHERE kind = 'topic' AND target_id = ?",
                    mergedIntoId,
                    topic.id());
            h.execute("DELETE FROM topics WHERE id = ?", topic.id());
            h.execute("DELETE FROM retired_slugs WHERE kind = 'topic' AND slug = ?", topic.slug());
            h.execute(
                    "INSERT INTO retired_slugs (kind, slug, target_id, retired_at) VALUES ('topic', ?, ?, ?)",
                    topic.slug(),
                    mergedIntoId,
                    Times.format(at));
            return null;
        }));
    }

    @Override
    public Optional<Retired> retired(String slug) {
        return db.handle(
                h -> h.createQuery("SELECT slug, target_id FROM retired_slugs WHERE kind = 'topic' AND slug = ?")
                        .bind(0, slug)
                        .map((rs, c) -> new Retired(rs.getString("slug"), rs.getString("target_id")))
                        .findOne());
    }

    @Override
    public Optional<Topic> find(String id) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public Optional<Topic> findBySlug(String slug) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE slug = ?")
                .bind(0, slug)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public List<Topic> all() {
        return db.handle(h -> h.createQuery(SELECT).map((rs, c) -> row(rs)).list()).stream()
                .sorted(NAVIGATION)
                .toList();
    }

    private static Topic row(ResultSet rs) throws SQLException {
        return new Topic(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("position"));
    }
}
