package org.lede.importing.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lede.db.Database;
import org.lede.db.Times;
import org.lede.importing.ImportStore;

public final class JdbiImportStore implements ImportStore {
    private final Database db;

    public JdbiImportStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Imported> imported(String kind, String sourceId) {
        return db.handle(h -> h.createQuery(
                        "SELECT target_id, source_modified FROM import_sources WHERE kind = ? AND source_id = ?")
                .bind(0, kind)
                .bind(1, sourceId)
                .map((rs, ctx) ->
                        new Imported(rs.getString(1), rs.getString(2) == null ? null : Times.parse(rs.getString(2))))
                .findOne());
    }

    @Override
    public void remember(String kind, String sourceId, String targetId, Instant modified, Instant at) {
        db.handle(h -> h.createUpdate("INSERT INTO import_sources (kind, source_id, target_id, source_modified,"
                        + " imported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, source_id) DO UPDATE SET"
                        + " target_id = excluded.target_id, source_modified = excluded.source_modified,"
                        + " imported_at = excluded.imported_at")
                .bind(0, kind)
                .bind(1, sourceId)
                .bind(2, targetId)
                .bind(3, modified == null ? null : Times.format(modified))
                .bind(4, Times.format(at))
                .execute());
    }

    @Override
    public void redirect(List<String> paths, String targetId, Instant at) {
        if (paths.isEmpty()) {
            return;
        }
        db.handle(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO redirects (path, story_id, created_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (path) DO NOTHING");
            String when = Times.format(at);
            for (String path : paths) {
                batch.add(path, targetId, when);
            }
            return batch.execute();
        });
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
