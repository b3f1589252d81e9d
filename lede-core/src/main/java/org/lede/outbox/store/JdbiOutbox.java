package org.lede.outbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.db.Times;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;

public final class JdbiOutbox implements Outbox {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};
    private final Database db;

    public JdbiOutbox(Database db) {
        this.db = db;
    }

    @Override
    public void append(OutboxEvent event) {
        String data;
        try {
            data = MAPPER.writeValueAsString(new TreeMap<>(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
        // PostgreSQL takes a table lock only inside a transaction, so an append made outside one gets its own.
        db.inTransaction(() -> db.handle(h -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                // PostgreSQL hands out identity values at insert, but transactions commit in their own
                // order: a reader could see seq 8 while 7 is still uncommitted, move past 7 and never
                // see it. Taking this lock first makes appending transactions take their numbers one
                // at a time, each after the previous one committed, so numbers follow commit order.
                // It conflicts with itself and with row writes, not with plain SELECTs, so readers
                // never wait; services append as the last write of their transaction, so it is held
                // only for the commit. SQLite needs none: its single writer assigns rowids in commit order.
                h.execute("LOCK TABLE outbox IN EXCLUSIVE MODE");
            }
            return h.createUpdate("INSERT INTO outbox (type, subject, data, at, page_keys) VALUES (?, ?, ?, ?, ?)")
                    .bind(0, event.type())
                    .bind(1, event.subject())
                    .bind(2, data)
                    .bind(3, Times.format(event.at()))
                    .bind(4, String.join(" ", new TreeSet<>(event.pageKeys())))
                    .execute();
        }));
    }

    private static Set<String> keys(String stored) {
        return stored.isEmpty() ? Set.of() : Set.of(stored.split(" "));
    }

    @Override
    public long lastSeq() {
        return db.handle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM outbox")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public List<OutboxEvent> after(long afterSeq, int limit) {
        return db.handle(h -> h.createQuery(
                        "SELECT seq, type, subject, data, at, page_keys FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")
                .bind(0, afterSeq)
                .bind(1, limit)
                .map((rs, ctx) -> {
                    try {
                        return new OutboxEvent(
                                rs.getLong("seq"),
                                rs.getString("type"),
                                rs.getString("subject"),
                                MAPPER.readValue(rs.getString("data"), DATA),
                                Times.parse(rs.getString("at")),
                                keys(rs.getString("page_keys")));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(
                                "Outbox event " + rs.getLong("seq") + " has unreadable data", e);
                    }
                })
                .list());
    }

    @Override
    public OptionalLong position(String consumer) {
        return db.handle(h -> h.createQuery("SELECT seq FROM outbox_positions WHERE consumer = ?")
                        .bind(0, consumer)
                        .mapTo(Long.class)
                        .findOne())
                .map(OptionalLong::of)
                .orElseGet(OptionalLong::empty);
    }

    @Override
    public void savePosition(String consumer, long seq) {
        db.handle(h -> h.createUpdate("INSERT INTO outbox_positions (consumer, seq) VALUES (?, ?)"
                        + " ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq")
                .bind(0, consumer)
                .bind(1, seq)
                .execute());
    }
}
