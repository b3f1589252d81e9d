package org.lede.user.store;

import java.time.Instant;
import java.util.Optional;
import org.lede.db.Database;
import org.lede.db.Times;
import org.lede.user.SessionStore;

public final class JdbiSessionStore implements SessionStore {
    private final Database db;

    public JdbiSessionStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(
            String tokenHash, String userId, String csrf, Instant createdAt, Instant expiresAt, String address) {
        db.handle(h -> h.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at,"
                        + " last_seen_at, address) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, tokenHash)
                .bind(1, userId)
                .bind(2, csrf)
                .bind(3, Times.format(createdAt))
                .bind(4, Times.format(expiresAt))
                .bind(5, Times.format(createdAt))
                .bind(6, address)
                .execute());
    }

    @Override
    public Optional<Stored> find(String tokenHash) {
        return db.handle(h -> h.createQuery(
                        "SELECT user_id, csrf, expires_at, last_seen_at FROM sessions WHERE token_hash = ?")
                .bind(0, tokenHash)
                .map((rs, c) -> new Stored(
                        rs.getString("user_id"),
                        rs.getString("csrf"),
                        Times.parse(rs.getString("expires_at")),
                        Times.parse(rs.getString("last_seen_at"))))
                .findOne());
    }

    @Override
    public void touch(String tokenHash, Instant at) {
        db.handle(h ->
                h.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", Times.format(at), tokenHash));
    }

    @Override
    public void deleteForUser(String userId, String keepTokenHash) {
        db.handle(h -> keepTokenHash == null
                ? h.execute("DELETE FROM sessions WHERE user_id = ?", userId)
                : h.execute("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", userId, keepTokenHash));
    }

    @Override
    public void delete(String tokenHash) {
        db.handle(h -> h.execute("DELETE FROM sessions WHERE token_hash = ?", tokenHash));
    }

    @Override
    public void deleteExpired(Instant now, Instant idleSince) {
        db.handle(h -> h.execute(
                "DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?",
                Times.format(now),
                Times.format(idleSince)));
    }
}
