package org.lede.web.cache;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.lede.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges a CDN's copies of the pages outbox events name: one {@code POST} per surrogate key to
 * a URL template such as {@code https://api.fastly.com/service/ID/purge/{key}}, so the CDN drops
 * exactly what {@link PageCache} drops, matched by the {@code Surrogate-Key} header the pages
 * carry. It runs on its own outbox poller: a slow or failing CDN delays only its own purges,
 * never a reader's answer or the page cache's purges.
 */
public final class CdnPurger implements Consumer<List<OutboxEvent>> {
    private static final Logger LOG = LoggerFactory.getLogger(CdnPurger.class);
    private static final String KEY = "{key}";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(15);
    /**
     * Pages tell CDNs {@code s-maxage=60} ({@link PageCache#CACHE_CONTROL}), so a minute after a
     * change the CDN fetches the page again anyway; a purge still failing by then saves at most
     * one stale answer, and retrying longer would only delay the purges queued behind it.
     */
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final Target target;
    private final HttpClient client;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration giveUp;

    public CdnPurger(Target target) {
        this(target, FIRST_RETRY, MAX_RETRY, GIVE_UP);
    }

    CdnPurger(Target target, Duration firstRetry, Duration maxRetry, Duration giveUp) {
        this.target = target;
        this.client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.giveUp = giveUp;
    }

    /** A header sent with every purge request, such as {@code Fastly-Key}. */
    public record Header(String name, String value) {
        /** Reads {@code Name: value}. */
        public static Header parse(String line) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(
                        "a CDN purge header must look like 'Name: value', not '" + line + "'");
            }
            Header header = new Header(name, line.substring(colon + 1).strip());
            try {
                HttpRequest.newBuilder(URI.create("http://localhost/")).header(header.name, header.value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "the CDN purge header " + name + " cannot be sent: " + e.getMessage());
            }
            return header;
        }
    }

    /**
     * Where purges go.
     *
     * @param urlTemplate an absolute http or https URL in which {@code {key}} stands for the URL-encoded key
     */
    public record Target(String urlTemplate, List<Header> headers) {
        public Target {
            if (!urlTemplate.contains(KEY)) {
                throw new IllegalArgumentException(
                        "the CDN purge URL must contain " + KEY + " where the key goes: " + urlTemplate);
            }
            URI sample;
            try {
                sample = URI.create(urlTemplate.replace(KEY, "key"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the CDN purge URL is not a valid address: " + urlTemplate);
            }
            String scheme = sample.getScheme() == null ? "" : sample.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || sample.getHost() == null) {
                throw new IllegalArgumentException(
                        "the CDN purge URL must be an http or https address: " + urlTemplate);
            }
            headers = List.copyOf(headers);
        }

        public static Target parse(String urlTemplate, List<String> headerLines) {
            return new Target(
                    urlTemplate, headerLines.stream().map(Header::parse).toList());
        }

        URI uri(String key) {
            // URLEncoder encodes for forms; a space in a path is %20, not +.
            return URI.create(urlTemplate.replace(
                    KEY, URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")));
        }
    }

    /**
     * Purges every key the events name, each once, retrying failures with growing pauses. It
     * returns when all are purged or given up; interrupted, it throws so the poller delivers
     * the events again rather than count them done.
     */
    @Override
    public void accept(List<OutboxEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(e -> keys.addAll(e.pageKeys()));
        long deadline = System.nanoTime() + giveUp.toNanos();
        Duration wait = firstRetry;
        List<String> pending = new ArrayList<>(keys);
        while (!pending.isEmpty()) {
            List<String> failed = new ArrayList<>();
            for (String key : pending) {
                String failure = purge(key);
                if (failure != null) {
                    failed.add(key);
                    LOG.warn("CDN purge of {} failed: {}", key, failure);
                }
            }
            pending = failed;
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() + wait.toNanos() > deadline) {
                LOG.error(
                        "Gave up purging {} from the CDN after {} s; its copies expire by their own max-age",
                        pending,
                        giveUp.toSeconds());
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("CDN purges stopped");
            }
            wait = wait.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : wait.multipliedBy(2);
        }
    }

    /** Sends one purge; null when done, else why it failed and is worth retrying. */
    private String purge(String key) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target.uri(key)).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody());
        target.headers().forEach(h -> request.header(h.name(), h.value()));
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status / 100 == 2) {
                return null;
            }
            if (status / 100 == 4 && status != 408 && status != 429) {
                // A refused token or a wrong service id does not heal by asking again.
                LOG.error(
                        "The CDN refused the purge of {} with status {}; check --cdn-purge-url and its headers",
                        key,
                        status);
                return null;
            }
            return "status " + status;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("CDN purges stopped");
        }
    }
}
