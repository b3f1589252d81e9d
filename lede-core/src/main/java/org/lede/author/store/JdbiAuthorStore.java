package org.lede.author.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.common.ConflictException;
import org.lede.common.Names;
import org.lede.common.Reference;
import org.lede.db.Database;
import org.lede.db.StoryReferences;

public final class JdbiAuthorStore implements AuthorStore {
    private static final String SELECT =
            "SELECT id, slug, name, title, bio, avatar_media_id, contributor, user_id FROM authors";
    private final Database db;

    public JdbiAuthorStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Author a) {
        write(
                "INSERT INTO authors (id, slug, name, title, bio, avatar_media_id, contributor, user_id)"
                        + " VALUES (:id, :slug, :name, :title, :bio, :avatar, :contributor, :user_id)",
                a);
    }

    @Override
    public void update(Author a) {
        write(
                "UPDATE authors SET slug = :slug, name = :name, title = :title, bio = :bio, avatar_media_id = :avatar,"
                        + " contributor = :contributor, user_id = :user_id WHERE id = :id",
                a);
    }

    private void write(String sql, Author a) {
        try {
            db.handle(h -> h.createUpdate(sql)
                    .bind("id", a.id())
                    .bind("slug", a.slug())
                    .bind("name", a.name())
                    .bind("title", a.title())
                    .bind("bio", a.bio())
                    .bind("avatar", a.avatarMediaId())
                    .bind("contributor", a.contributor() ? 1 : 0)
                    .bind("user_id", a.userId())
                    .execute());
        } catch (RuntimeException e) {
            if (Database.isUniqueViolation(e)) {
                throw new ConflictException("The author slug \"" + a.slug() + "\" is already used.");
            }
            throw e;
        }
    }

    @Override
    public void delete(String id) {
        db.handle(h -> h.execute("DELETE FROM authors WHERE id = ?", id));
    }

    @Override
    public List<Reference> uses(String id) {
        return db.handle(
                h -> StoryReferences.of(h, "id IN (SELECT story_id FROM story_authors WHERE author_id = ?)", id));
    }

    @Override
    public Optional<Author> find(String id) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public Optional<Author> findBySlug(String slug) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE slug = ?")
                .bind(0, slug)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public List<Author> findAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Author> found = db
                .handle(h -> h.createQuery(SELECT + " WHERE id IN (<ids>)")
                        .bindList("ids", ids)
                        .map((rs, c) -> row(rs))
                        .list())
                .stream()
                .collect(Collectors.toMap(Author::id, Function.identity()));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    @Override
    public List<Author> all() {
        // Names are compared in Java so both databases agree; see Names.
        return db.handle(h -> h.createQuery(SELECT).map((rs, c) -> row(rs)).list()).stream()
                .sorted(Comparator.comparing(Author::name, Names.ORDER).thenComparing(Author::id))
                .toList();
    }

    private static Author row(ResultSet rs) throws SQLException {
        return new Author(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("bio"),
                rs.getString("avatar_media_id"),
                rs.getInt("contributor") == 1,
                rs.getString("user_id"));
    }
}
