package org.lede.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lede.common.Check;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Event;
import org.lede.outbox.Event.WebhookAction;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;
import org.lede.user.Role;

/**
 * Admins' commands on webhook endpoints, each one transaction and one event. Deliveries are made
 * from the outbox by {@link WebhookFanOut} and sent by {@link WebhookDispatcher}, so none of
 * these ever waits for a receiver.
 */
public final class WebhookService {
    /** How many deliveries an endpoint's page shows. */
    public static final int LOG_SIZE = 50;

    private static final String ADMINS_ONLY = "Only admins manage webhooks.";
    private final Transactions tx;
    private final WebhookStore store;
    private final Outbox outbox;
    private final WebhookTargets targets;
    private final Clock clock;
    private final Ids ids;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(
            Transactions tx, WebhookStore store, Outbox outbox, WebhookTargets targets, Clock clock, Ids ids) {
        this.tx = tx;
        this.store = store;
        this.outbox = outbox;
        this.targets = targets;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Registers an endpoint, enabled. The returned endpoint carries its new secret: show it once.
     *
     * @throws ValidationException on {@code url} for a malformed URL or one that resolves to an
     *     address webhooks may not reach, on {@code events} for no or unknown event types
     */
    public WebhookEndpoint register(Actor actor, String url, String description, Set<String> eventTypes) {
        requireAdmin(actor);
        URI target = targets.checked(url);
        Set<String> types = types(eventTypes);
        String note = Check.optional(description);
        return tx.inTransaction(() -> {
            WebhookEndpoint endpoint = new WebhookEndpoint(
                    ids.next(),
                    target.toString(),
                    note,
                    types,
                    WebhookSigner.newSecret(random),
                    true,
                    null,
                    actor.userId(),
                    Instants.now(clock));
            store.insert(endpoint);
            event(WebhookAction.REGISTERED, endpoint, null, actor);
            return endpoint;
        });
    }

    /** Changes what the endpoint hears about and its description. */
    public WebhookEndpoint update(Actor actor, String id, String description, Set<String> eventTypes) {
        requireAdmin(actor);
        Set<String> types = types(eventTypes);
        String note = Check.optional(description);
        return tx.inTransaction(() -> {
            WebhookEndpoint changed = find(id).withSubscription(note, types);
            store.update(changed);
            event(WebhookAction.UPDATED, changed, null, actor);
            return changed;
        });
    }

    /**
     * Enables or disables the endpoint. While disabled it gets no new deliveries and its pending
     * ones wait; enabling sends them, each with a fresh day of retries.
     */
    public WebhookEndpoint setEnabled(Actor actor, String id, boolean enabled) {
        requireAdmin(actor);
        return tx.inTransaction(() -> {
            WebhookEndpoint endpoint = find(id);
            if (endpoint.enabled() == enabled) {
                return endpoint;
            }
            WebhookEndpoint changed = endpoint.withEnabled(enabled, "Disabled by an admin.");
            store.update(changed);
            if (enabled) {
                store.resume(id, Instants.now(clock));
            }
            event(enabled ? WebhookAction.ENABLED : WebhookAction.DISABLED, changed, changed.disabledReason(), actor);
            return changed;
        });
    }

    /** Deletes the endpoint with its delivery log; deliveries not sent yet are dropped. */
    public void delete(Actor actor, String id) {
        requireAdmin(actor);
        tx.run(() -> {
            WebhookEndpoint endpoint = find(id);
            store.delete(id);
            event(WebhookAction.DELETED, endpoint, null, actor);
        });
    }

    /**
     * Sends a delivery again, with the same message id, at once and with a fresh day of retries.
     *
     * @throws ConflictException while it is still pending (it will be sent anyway) or its endpoint is disabled
     */
    public WebhookDelivery redeliver(Actor actor, String endpointId, String deliveryId) {
        requireAdmin(actor);
        return tx.inTransaction(() -> {
            WebhookDelivery delivery = store.findDelivery(deliveryId)
                    .filter(d -> d.endpointId().equals(endpointId))
                    .orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
            WebhookEndpoint endpoint = find(delivery.endpointId());
            if (!endpoint.enabled()) {
                throw new ConflictException("The endpoint is disabled: enable it first.");
            }
            if (delivery.status() == DeliveryStatus.PENDING) {
                throw new ConflictException("This delivery is still being tried; it needs no redelivery.");
            }
            WebhookDelivery again = delivery.redelivered(Instants.now(clock));
            store.update(again);
            event(WebhookAction.REDELIVERED, endpoint, delivery.type() + " (" + delivery.messageId() + ")", actor);
            return again;
        });
    }

    /**
     * Sends a {@code webhook.test} event to the endpoint, whatever it subscribed to; its event is
     * what {@link WebhookFanOut} turns into the delivery.
     *
     * @throws ConflictException when the endpoint is disabled
     */
    public void sendTest(Actor actor, String id) {
        requireAdmin(actor);
        tx.run(() -> {
            WebhookEndpoint endpoint = find(id);
            if (!endpoint.enabled()) {
                throw new ConflictException("The endpoint is disabled: enable it first.");
            }
            event(WebhookAction.TEST, endpoint, null, actor);
        });
    }

    public List<WebhookEndpoint> endpoints(Actor actor) {
        requireAdmin(actor);
        return store.endpoints();
    }

    public WebhookEndpoint endpoint(Actor actor, String id) {
        requireAdmin(actor);
        return find(id);
    }

    /** The endpoint's newest {@link #LOG_SIZE} deliveries. */
    public List<WebhookDelivery> deliveries(Actor actor, String endpointId) {
        requireAdmin(actor);
        find(endpointId);
        return store.deliveries(endpointId, LOG_SIZE);
    }

    private WebhookEndpoint find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Webhook endpoint", id));
    }

    private static Set<String> types(Set<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested == null ? Set.<String>of() : requested) {
            if (!WebhookEventTypes.offered(type)) {
                throw new ValidationException("events", "There is no event type \"" + Check.line(type) + "\".");
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            throw new ValidationException("events", "Choose at least one event to send.");
        }
        return types;
    }

    private void event(WebhookAction action, WebhookEndpoint endpoint, String detail, Actor actor) {
        outbox.append(new Event.WebhookChanged(
                action, endpoint.id(), endpoint.url(), detail, actor.userId(), Instants.now(clock)));
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException(ADMINS_ONLY);
        }
    }
}
