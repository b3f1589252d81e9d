package org.lede.importing.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lede.db.Database;
import org.lede.db.Times;
import org.lede.importing.ImportStore;

public final class JdbiImportStore implements ImportStore {
    private final Database db;

    public JdbiImportStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> target(String kind, String sourceId) {
        return db.handle(h -> h.createQuery("SELECT target_id FROM import_sources WHERE kind = ? AND source_id = ?")
                .bind(0, kind)
                .bind(1, sourceId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void remember(String kind, String sourceId, String targetId, Instant at) {
        db.handle(h -> h.createUpdate(
                        "INSERT INTO import_sources (kind, source_id, target_id, imported_at)" + " VALUES (?, ?, ?, ?)")
                .bind(0, kind)
                .bind(1, sourceId)
                .bind(2, targetId)
                .bind(3, Times.format(at))
                .execute());
    }

    @Override
    public void redirect(String path, String storyId, Instant at) {
        db.handle(h -> h.createUpdate("INSERT INTO redirects (path, story_id, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (path) DO NOTHING")
                .bind(0, path)
                .bind(1, storyId)
                .bind(2, Times.format(at))
                .execute());
    }

    @Override
    public Optional<String> redirectTarget(String path) {
        return db.handle(h -> h.createQuery("SELECT story_id FROM redirects WHERE path = ?")
                .bind(0, path)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Map<String, String> redirects() {
        return db.handle(h -> h.createQuery("SELECT path, story_id FROM redirects ORDER BY path")
                .reduceRows(new LinkedHashMap<String, String>(), (map, row) -> {
                    map.put(row.getColumn("path", String.class), row.getColumn("story_id", String.class));
                    return map;
                }));
    }
}
