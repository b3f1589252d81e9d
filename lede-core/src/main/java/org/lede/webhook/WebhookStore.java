package org.lede.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of endpoints and deliveries; calls join the caller's transaction. */
public interface WebhookStore {
    void insert(WebhookEndpoint endpoint);

    void update(WebhookEndpoint endpoint);

    /** Deletes the endpoint and its deliveries. */
    void delete(String endpointId);

    Optional<WebhookEndpoint> find(String endpointId);

    /** Every endpoint, oldest first. */
    List<WebhookEndpoint> endpoints();

    /**
     * Queues one event for one endpoint, unless it is queued already.
     *
     * @return whether a delivery was made
     */
    boolean queue(
            String deliveryId, String endpointId, long eventSeq, String subject, WebhookMessage message, Instant now);

    void update(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(String deliveryId);

    /** An endpoint's newest deliveries, by event, newest first. */
    List<WebhookDelivery> deliveries(String endpointId, int limit);

    /**
     * Pending deliveries of enabled endpoints due by {@code now}, oldest event first, leaving out
     * any with an earlier delivery for the same endpoint and subject still pending: that one goes
     * first.
     */
    List<WebhookDelivery> due(Instant now, int limit);

    /** Starts a fresh retry window, from now, for every pending delivery of the endpoint. */
    void resume(String endpointId, Instant now);
}
