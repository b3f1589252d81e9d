package org.lede.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lede.common.Instants;
import org.lede.common.Lazy;
import org.lede.common.LedeException;
import org.lede.common.Transactions;
import org.lede.outbox.Event;
import org.lede.outbox.Event.WebhookAction;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;

/**
 * Sends due deliveries, each on its own virtual thread, at most {@link #CONCURRENCY} at once.
 * A delivery waits while an earlier one for the same endpoint and subject is pending, so a
 * receiver sees a story's events in order; each is sent until the receiver answers 2xx (at least
 * once: a receiver that handled it but did not answer gets it again, with the same
 * {@code webhook-id}). Failures are retried with {@link Backoff} for a day; then the delivery has
 * failed and its endpoint is disabled with the reason, for an admin to look at. Times come from
 * the injected clock; only the attempt's duration is measured on the wall.
 *
 * <p>Attempts that delivered or will be retried are recorded together, in one transaction per
 * tick: one write per attempt would queue a newsroom's publishes behind SQLite's single writer.
 * Until its record is written a delivery stays in flight, so it is never sent twice meanwhile.
 */
public final class WebhookDispatcher implements AutoCloseable {
    static final int CONCURRENCY = 16;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(15);
    private static final int BATCH = 100;
    private static final int MAX_ERROR = 500;

    private final Transactions tx;
    private final WebhookStore store;
    private final Outbox outbox;
    private final WebhookTargets targets;
    private final Clock clock;
    /**
     * Made for the first delivery: the client sets up TLS when it is built, a tenth of a second
     * of start-up for a site that may have no webhooks.
     */
    private final Lazy<HttpClient> client;

    private final Consumer<RuntimeException> onError;
    private final Semaphore slots = new Semaphore(CONCURRENCY);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<WebhookDelivery> attempted = new ConcurrentLinkedQueue<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lede-webhooks");
        t.setDaemon(true);
        return t;
    });

    public WebhookDispatcher(
            Transactions tx,
            WebhookStore store,
            Outbox outbox,
            WebhookTargets targets,
            Clock clock,
            Consumer<RuntimeException> onError) {
        this.tx = tx;
        this.onError = onError;
        this.store = store;
        this.outbox = outbox;
        this.targets = targets;
        this.clock = clock;
        // Redirects are never followed: the address they lead to was never checked.
        this.client = new Lazy<>(() -> HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(senders)
                .build());
    }

    public WebhookDispatcher start(Duration interval) {
        poller.scheduleWithFixedDelay(
                this::dispatchSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void dispatchSafely() {
        try {
            recordAttempts();
            dispatchDue();
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    /**
     * Writes the attempts finished since the last tick. Should the write fail, those deliveries
     * are still pending in the database and are sent again: at least once holds.
     */
    private void recordAttempts() {
        List<WebhookDelivery> done = new ArrayList<>();
        for (WebhookDelivery d = attempted.poll(); d != null; d = attempted.poll()) {
            done.add(d);
        }
        if (done.isEmpty()) {
            return;
        }
        try {
            tx.run(() -> done.forEach(store::update));
        } finally {
            done.forEach(d -> inFlight.remove(d.id()));
        }
    }

    /** Starts sending what is due now and not already being sent; returns how many it started. */
    public int dispatchDue() {
        List<WebhookDelivery> due = store.due(Instants.now(clock), BATCH);
        int started = 0;
        for (WebhookDelivery delivery : due) {
            if (inFlight.contains(delivery.id()) || !slots.tryAcquire()) {
                continue;
            }
            inFlight.add(delivery.id());
            started++;
            try {
                senders.execute(() -> {
                    boolean queued = false;
                    try {
                        queued = attempt(delivery);
                    } catch (RuntimeException e) {
                        onError.accept(e);
                    } finally {
                        if (!queued) {
                            inFlight.remove(delivery.id());
                        }
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                inFlight.remove(delivery.id());
                slots.release();
                throw e;
            }
        }
        return started;
    }

    /** Sends one delivery; true when its record waits for the next tick's write. */
    private boolean attempt(WebhookDelivery delivery) {
        WebhookEndpoint endpoint = store.find(delivery.endpointId()).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            return false;
        }
        long started = System.nanoTime();
        Outcome outcome = send(endpoint, delivery);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return record(delivery, outcome, millis);
    }

    /** What one attempt came to: a status (null when none came back) and, on failure, why. */
    record Outcome(Integer code, String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private Outcome send(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        URI uri;
        try {
            uri = WebhookTargets.parse(endpoint.url());
            targets.check(uri);
        } catch (LedeException e) {
            return new Outcome(null, "Not sent. " + e.getMessage());
        }
        long timestamp = Instants.now(clock).getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TOTAL_TIMEOUT)
                .header("content-type", "application/json")
                .header("user-agent", "Lede-Webhooks/1")
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSigner.sign(endpoint.secret(), delivery.messageId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            int code = client.get()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (code >= 200 && code < 300) {
                return new Outcome(code, null);
            }
            if (code >= 300 && code < 400) {
                return new Outcome(code, "The receiver answered " + code + ", a redirect; webhooks never follow one.");
            }
            return new Outcome(code, "The receiver answered " + code + ".");
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(null, "No connection within " + CONNECT_TIMEOUT.toSeconds() + " s.");
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "No answer within " + TOTAL_TIMEOUT.toSeconds() + " s.");
        } catch (IOException e) {
            return new Outcome(
                    null,
                    "Could not send: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Stopped while sending, with the server.");
        }
    }

    private boolean record(WebhookDelivery delivery, Outcome outcome, long millis) {
        Instant now = Instants.now(clock);
        if (outcome.delivered()) {
            attempted.add(delivery.attempted(DeliveryStatus.DELIVERED, now, now, outcome.code(), millis, null));
            return true;
        }
        String error = outcome.error().length() > MAX_ERROR ? outcome.error().substring(0, MAX_ERROR) : outcome.error();
        Instant next = Backoff.next(
                now,
                delivery.retrySince(),
                delivery.attempts() + 1,
                ThreadLocalRandom.current().nextDouble());
        if (next != null) {
            attempted.add(delivery.attempted(DeliveryStatus.PENDING, now, next, outcome.code(), millis, error));
            return true;
        }
        tx.run(() -> {
            store.update(delivery.attempted(DeliveryStatus.FAILED, now, now, outcome.code(), millis, error));
            store.find(delivery.endpointId()).filter(WebhookEndpoint::enabled).ifPresent(endpoint -> {
                String reason = "Disabled by Lede: every attempt to deliver " + delivery.type() + " ("
                        + delivery.messageId() + ") failed for 24 hours. The last one: " + error;
                WebhookEndpoint disabled = endpoint.withEnabled(false, reason);
                store.update(disabled);
                outbox.append(new Event.WebhookChanged(
                        WebhookAction.DISABLED, endpoint.id(), endpoint.url(), reason, Actor.SYSTEM.userId(), now));
            });
        });
        return false;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        senders.shutdownNow();
        try {
            // A tick or an attempt in progress ends before the last attempts are recorded and the
            // database may close.
            poller.awaitTermination(10, TimeUnit.SECONDS);
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.ifMade().ifPresent(HttpClient::close);
        try {
            recordAttempts();
        } catch (RuntimeException e) {
            // The database may already be closed; those deliveries are then sent again.
            onError.accept(e);
        }
    }
}
