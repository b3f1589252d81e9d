package org.lede.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One event for one endpoint, and how sending it went.
 *
 * @param eventSeq        the outbox position of the event: the message id, the same on every attempt
 * @param payload         the JSON body, fixed when the delivery was made so every attempt sends the same bytes
 * @param attempts        attempts since it was queued or last redelivered
 * @param retrySince      when the current 24-hour retry window began
 * @param lastResponseCode the receiver's status on the last attempt; null when it gave none
 * @param lastDurationMs  how long the last attempt took, in milliseconds
 * @param lastError       why the last attempt failed, else null
 */
public record WebhookDelivery(
        String id,
        String endpointId,
        long eventSeq,
        String type,
        String subject,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant retrySince,
        Instant lastAttemptAt,
        Integer lastResponseCode,
        Long lastDurationMs,
        String lastError,
        Instant deliveredAt,
        Instant createdAt) {
    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The Standard Webhooks message id: from the event, so every attempt and a redelivery carry the
     * same one and a receiver can drop what it already handled.
     */
    public String messageId() {
        return "msg_" + eventSeq;
    }

    /** The outcome of one attempt. */
    WebhookDelivery attempted(
            DeliveryStatus newStatus, Instant at, Instant next, Integer code, long durationMs, String error) {
        return new WebhookDelivery(
                id,
                endpointId,
                eventSeq,
                type,
                subject,
                payload,
                newStatus,
                attempts + 1,
                next,
                retrySince,
                at,
                code,
                durationMs,
                error,
                newStatus == DeliveryStatus.DELIVERED ? at : deliveredAt,
                createdAt);
    }

    /** Queued again by hand: sent at once, with a fresh retry window. */
    WebhookDelivery redelivered(Instant now) {
        return new WebhookDelivery(
                id,
                endpointId,
                eventSeq,
                type,
                subject,
                payload,
                DeliveryStatus.PENDING,
                0,
                now,
                now,
                lastAttemptAt,
                lastResponseCode,
                lastDurationMs,
                lastError,
                deliveredAt,
                createdAt);
    }
}
