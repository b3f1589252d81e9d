package org.lede.token.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lede.db.Database;
import org.lede.db.Times;
import org.lede.token.ApiToken;
import org.lede.token.ApiTokenStore;

/** API tokens in SQL. */
public final class JdbiApiTokenStore implements ApiTokenStore {
    private static final String SELECT =
            "SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens";
    private final Database db;

    public JdbiApiTokenStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(ApiToken t, String secretHash) {
        db.handle(h -> h.createUpdate("INSERT INTO api_tokens (id, user_id, name, prefix, secret_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, t.id())
                .bind(1, t.userId())
                .bind(2, t.name())
                .bind(3, t.prefix())
                .bind(4, secretHash)
                .bind(5, Times.format(t.createdAt()))
                .execute());
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE secret_hash = ?")
                .bind(0, secretHash)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public List<ApiToken> forUser(String userId) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE user_id = ? ORDER BY created_at DESC, id DESC")
                .bind(0, userId)
                .map((rs, c) -> row(rs))
                .list());
    }

    @Override
    public List<ApiToken> live() {
        return db.handle(h -> h.createQuery(SELECT + " WHERE revoked_at IS NULL ORDER BY created_at DESC, id DESC")
                .map((rs, c) -> row(rs))
                .list());
    }

    @Override
    public void revoke(String id, Instant at) {
        db.handle(h -> h.execute(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Times.format(at), id));
    }

    @Override
    public void touch(String id, Instant at) {
        db.handle(h -> h.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", Times.format(at), id));
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("name"),
                rs.getString("prefix"),
                Times.parse(rs.getString("created_at")),
                Times.parse(rs.getString("last_used_at")),
                Times.parse(rs.getString("revoked_at")));
    }
}
