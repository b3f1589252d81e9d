package org.lede.dashboard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.lede.common.ConflictException;
import org.lede.common.Reference;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.content.ImageBlock;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardStore;
import org.lede.db.Database;
import org.lede.db.Times;

public final class JdbiDashboardStore implements DashboardStore {
    private static final String SELECT = "SELECT id, slug, title, intro, topic_id, illustration_media_id,"
            + " illustration_caption, illustration_credit_kind, illustration_credit_by, illustration_credit_via,"
            + " created_at, updated_at, revision FROM dashboards";
    private final Database db;

    public JdbiDashboardStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Dashboard d) {
        db.inTransaction(() -> db.handle(h -> {
            try {
                bind(
                                h.createUpdate(
                                        "INSERT INTO dashboards (id, slug, title, intro, topic_id, illustration_media_id,"
                                                + " illustration_caption, illustration_credit_kind, illustration_credit_by, illustration_credit_via,"
                                                + " created_at, updated_at, revision) VALUES (:id, :slug, :title, :intro, :topic, :media, :caption,"
                                                + " :kind, :by, :via, :created, :updated, :revision)"),
                                d)
                        .execute();
            } catch (RuntimeException e) {
                throw clash(e, d);
            }
            insertItems(h, d);
            return null;
        }));
    }

    @Override
    public boolean update(Dashboard d, int expectedRevision) {
        return db.inTransaction(() -> db.handle(h -> {
            int rows;
            try {
                rows = bind(
                                h.createUpdate(
                                        "UPDATE dashboards SET slug = :slug, title = :title, intro = :intro,"
                                                + " topic_id = :topic, illustration_media_id = :media, illustration_caption = :caption,"
                                                + " illustration_credit_kind = :kind, illustration_credit_by = :by, illustration_credit_via = :via,"
                                                + " updated_at = :updated, revision = :revision WHERE id = :id AND revision = :expected"),
                                d)
                        .bind("expected", expectedRevision)
                        .execute();
            } catch (RuntimeException e) {
                throw clash(e, d);
            }
            if (rows == 0) {
                return false;
            }
            h.execute("DELETE FROM dashboard_entries WHERE dashboard_id = ?", d.id());
            h.execute("DELETE FROM dashboard_items WHERE dashboard_id = ?", d.id());
            insertItems(h, d);
            return true;
        }));
    }

    private static RuntimeException clash(RuntimeException e, Dashboard d) {
        return Database.isUniqueViolation(e)
                ? new ConflictException("The dashboard slug \"" + d.slug() + "\" is already used.")
                : e;
    }

    private static Update bind(Update u, Dashboard d) {
        ImageBlock ill = d.illustration();
        Credit c = ill == null ? null : ill.credit();
        return u.bind("id", d.id())
                .bind("slug", d.slug())
                .bind("title", d.title())
                .bind("intro", d.intro())
                .bind("topic", d.topicId())
                .bind("media", ill == null ? null : ill.mediaId())
                .bind("caption", ill == null ? null : ill.caption())
                .bind("kind", c == null ? null : c.kind().name())
                .bind("by", c == null ? null : c.by())
                .bind("via", c == null ? null : c.via())
                .bind("created", Times.format(d.createdAt()))
                .bind("updated", Times.format(d.updatedAt()))
                .bind("revision", d.revision());
    }

    private static void insertItems(Handle h, Dashboard d) {
        for (int i = 0; i < d.items().size(); i++) {
            DashboardItem item = d.items().get(i);
            h.execute(
                    "INSERT INTO dashboard_items (dashboard_id, position, label) VALUES (?, ?, ?)",
                    d.id(),
                    i,
                    item.label());
            for (int j = 0; j < item.entries().size(); j++) {
                DashboardEntry e = item.entries().get(j);
                h.execute(
                        "INSERT INTO dashboard_entries (dashboard_id, item_position, position, story_id, url, title)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        d.id(),
                        i,
                        j,
                        e.storyId(),
                        e.url(),
                        e.title());
            }
        }
    }

    @Override
    public List<Reference> uses(String id) {
        return db.handle(h -> h.createQuery("SELECT headline, status FROM stories WHERE id IN"
                        + " (SELECT story_id FROM story_pins WHERE target_id = ?) ORDER BY headline, id")
                .bind(0, id)
                .map((rs, c) -> Reference.story(rs.getString("headline"), "published".equals(rs.getString("status"))))
                .list());
    }

    @Override
    public boolean delete(Dashboard dashboard, int expectedRevision, Instant at) {
        return db.inTransaction(() -> db.handle(h -> {
            // Items and their entries go with the row (ON DELETE CASCADE).
            if (h.execute("DELETE FROM dashboards WHERE id = ? AND revision = ?", dashboard.id(), expectedRevision)
                    == 0) {
                return false;
            }
            h.execute("DELETE FROM retired_slugs WHERE kind = 'dashboard' AND slug = ?", dashboard.slug());
            h.execute(
                    "INSERT INTO retired_slugs (kind, slug, target_id, retired_at) VALUES ('dashboard', ?, NULL, ?)",
                    dashboard.slug(),
                    Times.format(at));
            return true;
        }));
    }

    @Override
    public boolean retired(String slug) {
        return db.handle(h -> h.createQuery("SELECT COUNT(*) FROM retired_slugs WHERE kind = 'dashboard' AND slug = ?")
                        .bind(0, slug)
                        .mapTo(Integer.class)
                        .one()
                > 0);
    }

    @Override
    public Optional<Dashboard> find(String id) {
        return db.handle(h -> load(h, SELECT + " WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public Optional<Dashboard> findBySlug(String slug) {
        return db.handle(h -> load(h, SELECT + " WHERE slug = ?", slug)).stream()
                .findFirst();
    }

    @Override
    public List<Dashboard> all() {
        // Without the id, dashboards saved in the same millisecond come in storage order, which
        // PostgreSQL changes whenever a row is rewritten.
        return db.handle(h -> load(h, SELECT + " ORDER BY updated_at DESC, id DESC"));
    }

    @Override
    public List<String> idsInTopic(String topicId) {
        return db.handle(h -> h.createQuery(
                        "SELECT id FROM dashboards WHERE topic_id = :topic ORDER BY updated_at DESC, id DESC")
                .bind("topic", topicId)
                .mapTo(String.class)
                .list());
    }

    /**
     * The dashboards {@code sql} selects, each with its items and their entries: three statements
     * however many dashboards there are. Reader pages list every dashboard, and reading each one's
     * items and entries on its own took two statements a dashboard.
     */
    private static List<Dashboard> load(Handle h, String sql, Object... args) {
        var query = h.createQuery(sql);
        for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
        }
        List<Dashboard> heads = query.map((rs, c) -> head(rs)).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<String> ids = heads.stream().map(Dashboard::id).toList();
        Map<String, Map<Integer, String>> labels = new HashMap<>();
        h.createQuery("SELECT dashboard_id, position, label FROM dashboard_items WHERE dashboard_id IN (<ids>) "
                        + "ORDER BY dashboard_id, position")
                .bindList("ids", ids)
                .map((rs, c) -> labels.computeIfAbsent(rs.getString("dashboard_id"), k -> new LinkedHashMap<>())
                        .put(rs.getInt("position"), rs.getString("label")))
                .list();
        Map<String, Map<Integer, List<DashboardEntry>>> entries = new HashMap<>();
        h.createQuery("SELECT dashboard_id, item_position, story_id, url, title FROM dashboard_entries "
                        + "WHERE dashboard_id IN (<ids>) ORDER BY dashboard_id, item_position, position")
                .bindList("ids", ids)
                .map((rs, c) -> entries.computeIfAbsent(rs.getString("dashboard_id"), k -> new HashMap<>())
                        .computeIfAbsent(rs.getInt("item_position"), k -> new ArrayList<>())
                        .add(new DashboardEntry(rs.getString("story_id"), rs.getString("url"), rs.getString("title"))))
                .list();
        List<Dashboard> out = new ArrayList<>();
        for (Dashboard d : heads) {
            Map<Integer, List<DashboardEntry>> itemEntries = entries.getOrDefault(d.id(), Map.of());
            List<DashboardItem> items = new ArrayList<>();
            labels.getOrDefault(d.id(), Map.of())
                    .forEach((pos, label) ->
                            items.add(new DashboardItem(label, itemEntries.getOrDefault(pos, List.of()))));
            out.add(new Dashboard(
                    d.id(),
                    d.slug(),
                    d.title(),
                    d.intro(),
                    d.topicId(),
                    d.illustration(),
                    items,
                    d.createdAt(),
                    d.updatedAt(),
                    d.revision()));
        }
        return out;
    }

    private static Dashboard head(ResultSet rs) throws SQLException {
        String media = rs.getString("illustration_media_id");
        ImageBlock ill = null;
        if (media != null) {
            String kind = rs.getString("illustration_credit_kind");
            Credit credit = kind == null
                    ? null
                    : new Credit(
                            CreditKind.valueOf(kind),
                            rs.getString("illustration_credit_by"),
                            rs.getString("illustration_credit_via"));
            ill = new ImageBlock(media, rs.getString("illustration_caption"), credit);
        }
        return new Dashboard(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("intro"),
                rs.getString("topic_id"),
                ill,
                List.of(),
                Times.parse(rs.getString("created_at")),
                Times.parse(rs.getString("updated_at")),
                rs.getInt("revision"));
    }
}
