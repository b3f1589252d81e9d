package org.lede.webhook;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.Transactions;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;

/**
 * The durable outbox consumer that turns events into deliveries: one per enabled endpoint
 * subscribed to the event's type. The deliveries and the consumer's position are written in one
 * transaction, so after a crash an event is either queued with its position moved past it, or
 * neither; a unique (endpoint, event) key keeps a batch handed over again from queuing twice.
 */
public final class WebhookFanOut implements Consumer<List<OutboxEvent>> {
    /** Its name in {@code outbox_positions}. */
    public static final String CONSUMER = "webhooks";

    private final Transactions tx;
    private final WebhookStore store;
    private final Outbox outbox;
    private final WebhookPayloads payloads;
    private final Clock clock;
    private final Ids ids;

    public WebhookFanOut(
            Transactions tx, WebhookStore store, Outbox outbox, WebhookPayloads payloads, Clock clock, Ids ids) {
        this.tx = tx;
        this.store = store;
        this.outbox = outbox;
        this.payloads = payloads;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void accept(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.run(() -> {
            List<WebhookEndpoint> endpoints =
                    store.endpoints().stream().filter(WebhookEndpoint::enabled).toList();
            for (OutboxEvent event : events) {
                List<WebhookEndpoint> receivers = receivers(event, endpoints);
                if (receivers.isEmpty()) {
                    continue;
                }
                WebhookMessage message = payloads.of(event);
                for (WebhookEndpoint endpoint : receivers) {
                    store.queue(ids.next(), endpoint.id(), event.seq(), event.subject(), message, Instants.now(clock));
                }
            }
            outbox.savePosition(CONSUMER, events.getLast().seq());
        });
    }

    private static List<WebhookEndpoint> receivers(OutboxEvent event, List<WebhookEndpoint> endpoints) {
        if (event.type().equals(WebhookEventTypes.TEST)) {
            return endpoints.stream()
                    .filter(e -> e.id().equals(event.subject()))
                    .toList();
        }
        if (!WebhookEventTypes.offered(event.type())) {
            return List.of();
        }
        return endpoints.stream().filter(e -> e.wants(event.type())).toList();
    }
}
