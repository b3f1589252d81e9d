package org.lede.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lede.Services;
import org.lede.db.Dialect;
import org.lede.outbox.OutboxEvent;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.testing.Newsroom;

/** A real server on a random port over a fresh newsroom on either database, and an HTTP client that speaks to it. */
public final class WebTestServer implements AutoCloseable {
    public final Newsroom newsroom;
    public final WebServer server;
    /** What the server's reader pages read, for a test that reads as they do without asking for a page. */
    public final ReaderQueries reader;

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public WebTestServer(Dialect dialect, Path dir) {
        this(dialect, dir, WebServer.Options.DEFAULTS);
    }

    public WebTestServer(Dialect dialect, Path dir, WebServer.Options options) {
        this(dialect, dir, services -> options);
    }

    /** A server whose options are made from the newsroom's services, for parts wired from them (importers). */
    public WebTestServer(Dialect dialect, Path dir, Function<Services, WebServer.Options> options) {
        newsroom = new Newsroom(dialect, dir);
        var s = newsroom.services;
        reader = s.readerQueries(
                new SiteSettings("Test Ledger", "News in brief.", "https://news.example", ZoneId.of("UTC")));
        server = new WebServer(s, reader, newsroom.clock, options.apply(s)).start("127.0.0.1", 0);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Purges cached pages for every change made so far, as the running server does within a fraction of a second. */
    public void catchUp() {
        server.catchUp();
    }

    /** Appends an event as a service would, in its own transaction, naming the pages it touches. */
    public void append(String type, String subject, String... pageKeys) {
        newsroom.services.db().inTransaction(() -> {
            newsroom.services
                    .outbox()
                    .append(new OutboxEvent(0, type, subject, Map.of(), newsroom.clock.instant(), Set.of(pageKeys)));
            return null;
        });
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * Sends any request; an answer under /api/ must be one the OpenAPI document describes
     * (operation, status, Content-Type and body), else the test fails ({@link ApiContract}).
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            ApiContract.check(built, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        newsroom.close();
    }
}
