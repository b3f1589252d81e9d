package org.lede.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a receiver gets, as {@code {"type": ..., "timestamp": ..., "data": {...}}} (the Standard
 * Webhooks payload shape). {@code timestamp} is when the change happened, in RFC 3339.
 *
 * @param data the event's fields: strings, numbers or null, in the order they are written
 */
public record WebhookMessage(String type, Instant timestamp, Map<String, Object> data) {
    public WebhookMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
    }
}
