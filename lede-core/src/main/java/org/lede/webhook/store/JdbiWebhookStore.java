package org.lede.webhook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lede.db.Database;
import org.lede.db.Times;
import org.lede.webhook.DeliveryStatus;
import org.lede.webhook.WebhookDelivery;
import org.lede.webhook.WebhookEndpoint;
import org.lede.webhook.WebhookMessage;
import org.lede.webhook.WebhookStore;

public final class JdbiWebhookStore implements WebhookStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENDPOINT = "SELECT id, url, description, event_types, secret, enabled, disabled_reason,"
            + " created_by, created_at FROM webhook_endpoints";
    private static final String DELIVERY = "SELECT d.id, d.endpoint_id, d.event_seq, d.type, d.subject, d.payload,"
            + " d.status, d.attempts, d.next_attempt_at, d.retry_since, d.last_attempt_at, d.last_response_code,"
            + " d.last_duration_ms, d.last_error, d.delivered_at, d.created_at FROM webhook_deliveries d";

    private final Database db;

    public JdbiWebhookStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(WebhookEndpoint e) {
        db.handle(
                h -> h.createUpdate("INSERT INTO webhook_endpoints (id, url, description, event_types, secret, enabled,"
                                + " disabled_reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, e.id())
                        .bind(1, e.url())
                        .bind(2, e.description())
                        .bind(3, String.join(" ", e.sortedTypes()))
                        .bind(4, e.secret())
                        .bind(5, e.enabled() ? 1 : 0)
                        .bind(6, e.disabledReason())
                        .bind(7, e.createdBy())
                        .bind(8, Times.format(e.createdAt()))
                        .execute());
    }

    @Override
    public void update(WebhookEndpoint e) {
        db.handle(h -> h.createUpdate("UPDATE webhook_endpoints SET description = ?, event_types = ?, enabled = ?,"
                        + " disabled_reason = ? WHERE id = ?")
                .bind(0, e.description())
                .bind(1, String.join(" ", e.sortedTypes()))
                .bind(2, e.enabled() ? 1 : 0)
                .bind(3, e.disabledReason())
                .bind(4, e.id())
                .execute());
    }

    @Override
    public void delete(String endpointId) {
        db.handle(h -> {
            h.createUpdate("DELETE FROM webhook_deliveries WHERE endpoint_id = ?")
                    .bind(0, endpointId)
                    .execute();
            return h.createUpdate("DELETE FROM webhook_endpoints WHERE id = ?")
                    .bind(0, endpointId)
                    .execute();
        });
    }

    @Override
    public Optional<WebhookEndpoint> find(String endpointId) {
        return db.handle(h -> h.createQuery(ENDPOINT + " WHERE id = ?")
                .bind(0, endpointId)
                .map((rs, c) -> endpoint(rs))
                .findOne());
    }

    @Override
    public List<WebhookEndpoint> endpoints() {
        return db.handle(h -> h.createQuery(ENDPOINT + " ORDER BY created_at, id")
                .map((rs, c) -> endpoint(rs))
                .list());
    }

    @Override
    public boolean queue(
            String deliveryId, String endpointId, long eventSeq, String subject, WebhookMessage message, Instant now) {
        String at = Times.format(now);
        return db.handle(
                        h -> h.createUpdate("INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, type, subject,"
                                        + " payload, status, attempts, next_attempt_at, retry_since, created_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"
                                        + " ON CONFLICT (endpoint_id, event_seq) DO NOTHING")
                                .bind(0, deliveryId)
                                .bind(1, endpointId)
                                .bind(2, eventSeq)
                                .bind(3, message.type())
                                .bind(4, subject)
                                .bind(5, json(message))
                                .bind(6, DeliveryStatus.PENDING.key())
                                .bind(7, at)
                                .bind(8, at)
                                .bind(9, at)
                                .execute())
                == 1;
    }

    @Override
    public void update(WebhookDelivery d) {
        db.handle(h -> h.createUpdate("UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?,"
                        + " retry_since = ?, last_attempt_at = ?, last_response_code = ?, last_duration_ms = ?,"
                        + " last_error = ?, delivered_at = ? WHERE id = ?")
                .bind(0, d.status().key())
                .bind(1, d.attempts())
                .bind(2, Times.format(d.nextAttemptAt()))
                .bind(3, Times.format(d.retrySince()))
                .bind(4, Times.format(d.lastAttemptAt()))
                .bind(5, d.lastResponseCode())
                .bind(6, d.lastDurationMs())
                .bind(7, d.lastError())
                .bind(8, Times.format(d.deliveredAt()))
                .bind(9, d.id())
                .execute());
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(String deliveryId) {
        return db.handle(h -> h.createQuery(DELIVERY + " WHERE d.id = ?")
                .bind(0, deliveryId)
                .map((rs, c) -> delivery(rs))
                .findOne());
    }

    @Override
    public List<WebhookDelivery> deliveries(String endpointId, int limit) {
        return db.handle(h -> h.createQuery(DELIVERY + " WHERE d.endpoint_id = ? ORDER BY d.event_seq DESC LIMIT ?")
                .bind(0, endpointId)
                .bind(1, limit)
                .map((rs, c) -> delivery(rs))
                .list());
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return db.handle(h -> h.createQuery(DELIVERY
                        + " JOIN webhook_endpoints e ON e.id = d.endpoint_id"
                        + " WHERE d.status = 'pending' AND e.enabled = 1 AND d.next_attempt_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id"
                        + " AND p.subject = d.subject AND p.status = 'pending' AND p.event_seq < d.event_seq)"
                        + " ORDER BY d.event_seq, d.endpoint_id LIMIT ?")
                .bind(0, Times.format(now))
                .bind(1, limit)
                .map((rs, c) -> delivery(rs))
                .list());
    }

    @Override
    public void resume(String endpointId, Instant now) {
        db.handle(h -> h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = ?, retry_since = ?, attempts = 0"
                        + " WHERE endpoint_id = ? AND status = 'pending'")
                .bind(0, Times.format(now))
                .bind(1, Times.format(now))
                .bind(2, endpointId)
                .execute());
    }

    private static String json(WebhookMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", message.type());
        body.put("timestamp", message.timestamp().toString());
        body.put("data", message.data());
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook payload of strings and numbers always serializes", e);
        }
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        String types = rs.getString("event_types");
        Set<String> eventTypes =
                types.isEmpty() ? Set.of() : Arrays.stream(types.split(" ")).collect(Collectors.toSet());
        return new WebhookEndpoint(
                rs.getString("id"),
                rs.getString("url"),
                rs.getString("description"),
                eventTypes,
                rs.getString("secret"),
                rs.getInt("enabled") == 1,
                rs.getString("disabled_reason"),
                rs.getString("created_by"),
                Times.parse(rs.getString("created_at")));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("last_response_code");
        Integer responseCode = rs.wasNull() ? null : code;
        long duration = rs.getLong("last_duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new WebhookDelivery(
                rs.getString("id"),
                rs.getString("endpoint_id"),
                rs.getLong("event_seq"),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getString("payload"),
                DeliveryStatus.ofKey(rs.getString("status")),
                rs.getInt("attempts"),
                Times.parse(rs.getString("next_attempt_at")),
                Times.parse(rs.getString("retry_since")),
                Times.parse(rs.getString("last_attempt_at")),
                responseCode,
                durationMs,
                rs.getString("last_error"),
                Times.parse(rs.getString("delivered_at")),
                Times.parse(rs.getString("created_at")));
    }
}
