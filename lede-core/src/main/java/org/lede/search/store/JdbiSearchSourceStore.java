package org.lede.search.store;

import java.util.List;
import org.lede.db.Database;
import org.lede.search.SearchSourceStore;

/** The index's sources over the stories and dashboards tables; every query walks a primary key or an index. */
public final class JdbiSearchSourceStore implements SearchSourceStore {
    private final Database db;

    public JdbiSearchSourceStore(Database db) {
        this.db = db;
    }

    @Override
    public List<String> storyIdsAfter(String afterId, int limit) {
        return idsAfter("stories", afterId, limit);
    }

    @Override
    public List<String> dashboardIdsAfter(String afterId, int limit) {
        return idsAfter("dashboards", afterId, limit);
    }

    private List<String> idsAfter(String table, String afterId, int limit) {
        return db.handle(h -> h.createQuery("SELECT id FROM " + table + " WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId == null ? "" : afterId)
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<String> storyIdsInTopic(String topicId) {
        return db.handle(h -> h.createQuery("SELECT id FROM stories WHERE topic_id = ? ORDER BY id")
                .bind(0, topicId)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<String> dashboardIdsInTopic(String topicId) {
        return db.handle(h -> h.createQuery("SELECT id FROM dashboards WHERE topic_id = ? ORDER BY id")
                .bind(0, topicId)
                .mapTo(String.class)
                .list());
    }

    @Override
    public List<String> storyIdsByAuthor(String authorId) {
        return db.handle(
                h -> h.createQuery("SELECT DISTINCT story_id FROM story_authors WHERE author_id = ? ORDER BY story_id")
                        .bind(0, authorId)
                        .mapTo(String.class)
                        .list());
    }

    @Override
    public long count() {
        return db.handle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM dashboards)")
                .mapTo(Long.class)
                .one());
    }
}
