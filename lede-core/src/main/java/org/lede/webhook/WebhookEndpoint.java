package org.lede.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A receiver an admin registered.
 *
 * @param eventTypes     the outbox type names it subscribed to ({@link WebhookEventTypes})
 * @param secret         {@code whsec_} and the base64 key that signs its deliveries; shown once at registration
 * @param disabledReason why it was disabled: by an admin, or after a day of failed deliveries; null while enabled
 */
public record WebhookEndpoint(
        String id,
        String url,
        String description,
        Set<String> eventTypes,
        String secret,
        boolean enabled,
        String disabledReason,
        String createdBy,
        Instant createdAt) {
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        eventTypes = Set.copyOf(eventTypes);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean wants(String type) {
        return eventTypes.contains(type);
    }

    /** Its event types in a stable order, for pages and storage. */
    public Set<String> sortedTypes() {
        return new TreeSet<>(eventTypes);
    }

    WebhookEndpoint withSubscription(String newDescription, Set<String> newTypes) {
        return new WebhookEndpoint(
                id, url, newDescription, newTypes, secret, enabled, disabledReason, createdBy, createdAt);
    }

    WebhookEndpoint withEnabled(boolean nowEnabled, String reason) {
        return new WebhookEndpoint(
                id, url, description, eventTypes, secret, nowEnabled, nowEnabled ? null : reason, createdBy, createdAt);
    }
}
