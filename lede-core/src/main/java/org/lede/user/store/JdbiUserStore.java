package org.lede.user.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lede.common.Names;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.Times;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserStore;

/** Newsroom accounts in SQL. */
public final class JdbiUserStore implements UserStore {
    private static final String SELECT = "SELECT id, email, name, role, password_hash, disabled, created_at FROM users";
    private final Database db;

    public JdbiUserStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(User u) {
        db.handle(h -> h.createUpdate("INSERT INTO users (id, email, name, role, password_hash, disabled, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, u.id())
                .bind(1, u.email())
                .bind(2, u.name())
                .bind(3, u.role().key())
                .bind(4, u.passwordHash())
                .bind(5, u.disabled() ? 1 : 0)
                .bind(6, Times.format(u.createdAt()))
                .execute());
    }

    @Override
    public void update(User u) {
        db.handle(h -> h.createUpdate(
                        "UPDATE users SET email = ?, name = ?, role = ?, password_hash = ?, disabled = ? WHERE id = ?")
                .bind(0, u.email())
                .bind(1, u.name())
                .bind(2, u.role().key())
                .bind(3, u.passwordHash())
                .bind(4, u.disabled() ? 1 : 0)
                .bind(5, u.id())
                .execute());
    }

    @Override
    public Optional<User> find(String id) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE id = ?")
                .bind(0, id)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return db.handle(h -> h.createQuery(SELECT + " WHERE email = ?")
                .bind(0, email)
                .map((rs, c) -> row(rs))
                .findOne());
    }

    @Override
    public List<User> all() {
        // Names are compared in Java so both databases agree; see Names.
        return db.handle(h -> h.createQuery(SELECT).map((rs, c) -> row(rs)).list()).stream()
                .sorted(Comparator.comparing(User::name, Names.ORDER).thenComparing(User::id))
                .toList();
    }

    @Override
    public int count() {
        return db.handle(h ->
                h.createQuery("SELECT COUNT(*) FROM users").mapTo(Integer.class).one());
    }

    @Override
    public int activeAdmins() {
        return db.handle(h -> h.createQuery("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0")
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public void lockForAccountChange() {
        // SQLite's transactions already take the one write lock when they begin (IMMEDIATE).
        if (db.dialect() == Dialect.POSTGRESQL) {
            // Conflicts with itself and with row writes, not with the SELECTs that sign-ins and pages make.
            db.handle(h -> h.execute("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"));
        }
    }

    private static User row(ResultSet rs) throws SQLException {
        return new User(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.parse(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getInt("disabled") == 1,
                Times.parse(rs.getString("created_at")));
    }
}
