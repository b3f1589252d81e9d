package org.lede.page.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Update;
import org.lede.common.ConflictException;
import org.lede.common.CorruptDataException;
import org.lede.db.Database;
import org.lede.db.Times;
import org.lede.page.PublishedPage;
import org.lede.page.SitePage;
import org.lede.page.SitePageStore;
import org.lede.story.json.BlockJson;

public final class JdbiSitePageStore implements SitePageStore {
    private static final String SELECT = "SELECT id, slug, title, body, position, published, created_at, updated_at,"
            + " published_at, revision FROM site_pages";
    private static final String FOOTER_ORDER = " ORDER BY position, title, id";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Database db;

    public JdbiSitePageStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(SitePage page) {
        db.inTransaction(() -> db.handle(h -> {
            try {
                return bind(
                                h.createUpdate(
                                        "INSERT INTO site_pages (id, slug, title, body, position, published,"
                                                + " created_at, updated_at, published_at, revision) VALUES (:id, :slug, :title,"
                                                + " :body, :position, :published, :created, :updated, :publishedAt, :revision)"),
                                page)
                        .execute();
            } catch (RuntimeException e) {
                throw clash(e, page);
            }
        }));
    }

    @Override
    public boolean update(SitePage page, int expectedRevision) {
        return db.inTransaction(() -> db.handle(h -> {
            try {
                return bind(
                                        h.createUpdate(
                                                "UPDATE site_pages SET slug = :slug, title = :title, body = :body,"
                                                        + " position = :position, published = :published, updated_at = :updated,"
                                                        + " published_at = :publishedAt, revision = :revision"
                                                        + " WHERE id = :id AND revision = :expected"),
                                        page)
                                .bind("expected", expectedRevision)
                                .execute()
                        == 1;
            } catch (RuntimeException e) {
                throw clash(e, page);
            }
        }));
    }

    @Override
    public Optional<SitePage> find(String id) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, c) -> read(rs))
                .findOne());
    }

    @Override
    public Optional<SitePage> findBySlug(String slug) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE slug = ?")
                .bind(0, slug)
                .map((rs, c) -> read(rs))
                .findOne());
    }

    @Override
    public List<SitePage> all() {
        return db.handle(h ->
                h.createQuery(SELECT + FOOTER_ORDER).map((rs, c) -> read(rs)).list());
    }

    @Override
    public List<PublishedPage> published() {
        return db.handle(h -> h.createQuery(
                        "SELECT slug, title, updated_at FROM site_pages WHERE published = 1" + FOOTER_ORDER)
                .map((rs, c) -> new PublishedPage(
                        rs.getString("slug"), rs.getString("title"), Times.parse(rs.getString("updated_at"))))
                .list());
    }

    private static RuntimeException clash(RuntimeException e, SitePage page) {
        return Database.isUniqueViolation(e)
                ? new ConflictException("Another page already has the address /" + page.slug() + ".")
                : e;
    }

    private static Update bind(Update u, SitePage page) {
        return u.bind("id", page.id())
                .bind("slug", page.slug())
                .bind("title", page.title())
                .bind("body", BlockJson.writeList(page.body()))
                .bind("position", page.position())
                .bind("published", page.published() ? 1 : 0)
                .bind("created", Times.format(page.createdAt()))
                .bind("updated", Times.format(page.updatedAt()))
                .bind("publishedAt", page.publishedAt() == null ? null : Times.format(page.publishedAt()))
                .bind("revision", page.revision());
    }

    private static SitePage read(ResultSet rs) throws SQLException {
        String publishedAt = rs.getString("published_at");
        return new SitePage(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("title"),
                body(rs.getString("id"), rs.getString("body")),
                rs.getInt("position"),
                rs.getInt("published") == 1,
                Times.parse(rs.getString("created_at")),
                Times.parse(rs.getString("updated_at")),
                publishedAt == null ? null : Times.parse(publishedAt),
                rs.getInt("revision"));
    }

    private static List<org.lede.content.Block> body(String id, String json) {
        try {
            return BlockJson.readList(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new CorruptDataException("The body of page " + id + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
