package org.lede.media.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lede.common.Reference;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.db.Database;
import org.lede.db.StoryReferences;
import org.lede.db.Times;
import org.lede.media.Media;
import org.lede.media.MediaStore;
import org.lede.media.MediaType;

public final class JdbiMediaStore implements MediaStore {
    private static final String SELECT =
            "SELECT id, sha256, content_type, byte_size, width, height, alt, default_caption,"
                    + " credit_kind, credit_by, credit_via, original_name, created_at FROM media";
    private final Database db;

    public JdbiMediaStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Media m) {
        write(
                "INSERT INTO media (id, sha256, content_type, byte_size, width, height, alt, default_caption, credit_kind,"
                        + " credit_by, credit_via, original_name, created_at) VALUES (:id, :sha256, :type, :size, :width, :height,"
                        + " :alt, :caption, :kind, :by, :via, :name, :created)",
                m);
    }

    @Override
    public void update(Media m) {
        write(
                "UPDATE media SET alt = :alt, default_caption = :caption, credit_kind = :kind, credit_by = :by,"
                        + " credit_via = :via, original_name = :name WHERE id = :id",
                m);
    }

    private void write(String sql, Media m) {
        Credit c = m.defaultCredit();
        db.handle(h -> h.createUpdate(sql)
                .bind("id", m.id())
                .bind("sha256", m.sha256())
                .bind("type", m.type().mime())
                .bind("size", m.byteSize())
                .bind("width", m.width())
                .bind("height", m.height())
                .bind("alt", m.alt())
                .bind("caption", m.defaultCaption())
                .bind("kind", c == null ? null : c.kind().name())
                .bind("by", c == null ? null : c.by())
                .bind("via", c == null ? null : c.via())
                .bind("name", m.originalName())
                .bind("created", Times.format(m.createdAt()))
                .execute());
    }

    @Override
    public Optional<Media> find(String id) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public void delete(String id) {
        db.handle(h -> h.execute("DELETE FROM media WHERE id = ?", id));
    }

    @Override
    public List<Reference> uses(String id) {
        // story_media (V27) holds each story's hero and image blocks by media item.
        return db.handle(h -> {
            List<Reference> uses = new ArrayList<>(
                    StoryReferences.of(h, "id IN (SELECT story_id FROM story_media WHERE media_id = ?)", id));
            uses.addAll(h.createQuery("SELECT title FROM dashboards WHERE illustration_media_id = ? ORDER BY title, id")
                    .bind(0, id)
                    .map((rs, c) -> new Reference(Reference.Kind.DASHBOARD, rs.getString("title")))
                    .list());
            uses.addAll(h.createQuery("SELECT name FROM authors WHERE avatar_media_id = ? ORDER BY name, id")
                    .bind(0, id)
                    .map((rs, c) -> new Reference(Reference.Kind.AUTHOR, rs.getString("name")))
                    .list());
            return uses;
        });
    }

    @Override
    public Optional<Media> findBySha256(String sha256) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE sha256 = ?")
                .bind(0, sha256)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public List<Media> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Media> found = db
                .handle(h -> h.createQuery(SELECT + " WHERE id IN (<ids>)")
                        .bindList("ids", ids)
                        .map((rs, c) -> row(rs))
                        .list())
                .stream()
                .collect(Collectors.toMap(Media::id, Function.identity()));
        return ids.stream()
                .distinct()
                .filter(found::containsKey)
                .map(found::get)
                .toList();
    }

    @Override
    public List<Media> latest(int limit, int offset) {
        return db.handle(h -> h.createQuery(SELECT + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .bind(0, limit)
                .bind(1, offset)
                .map((rs, c) -> row(rs))
                .list());
    }

    private static Media row(ResultSet rs) throws SQLException {
        String kind = rs.getString("credit_kind");
        Credit credit = kind == null
                ? null
                : new Credit(CreditKind.valueOf(kind), rs.getString("credit_by"), rs.getString("credit_via"));
        MediaType type = MediaType.fromExtension(rs.getString("content_type").substring("image/".length()))
                .orElseThrow();
        return new Media(
                rs.getString("id"),
                rs.getString("sha256"),
                type,
                rs.getLong("byte_size"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getString("alt"),
                rs.getString("default_caption"),
                credit,
                rs.getString("original_name"),
                Times.parse(rs.getString("created_at")));
    }
}
