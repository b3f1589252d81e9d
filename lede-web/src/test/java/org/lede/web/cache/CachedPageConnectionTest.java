package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/**
 * Cached pages answered on the connection before Jetty's HTTP layer, over raw sockets: the same
 * bytes Jetty's handler sends, requests in order, and the connection handed to Jetty intact.
 */
class CachedPageConnectionTest extends WebServerTest {
    private String path;

    @BeforeEach
    void publishAndCache() throws IOException {
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Ferry fares frozen"));
        Story story = stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        path = "/2026/11/20/" + story.slug();
        // The set-up's own events purge pages in the background: consumed first, so the page stays cached.
        web.catchUp();
        try (Connection c = connect()) {
            // The first request renders the page through Javalin, and the cache keeps it.
            assertEquals(200, c.exchange(get(path)).status());
        }
    }

    private static String get(String path, String... headers) {
        return request("GET", path, headers);
    }

    private static String request(String method, String path, String... headers) {
        StringBuilder text = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    private long answered() {
        return web.server.cachedPagesAnsweredOnConnections();
    }

    @Test
    void aCachedPageIsAnsweredOnTheConnectionWithTheBytesJettysHandlerSends() throws IOException {
        String etag;
        try (Connection fast = connect()) {
            etag = fast.exchange(get(path)).header("ETag");
        }
        List<String[]> variants = List.of(
                new String[] {"GET"},
                new String[] {"GET", "Accept-Encoding: gzip, br"},
                new String[] {"HEAD"},
                new String[] {"HEAD", "Accept-Encoding: gzip"},
                new String[] {"GET", "If-None-Match: " + etag},
                new String[] {"GET", "If-None-Match: " + etag, "Accept-Encoding: gzip"},
                new String[] {"GET", "X-Forwarded-Proto: https"});
        for (String[] variant : variants) {
            String[] headers = List.of(variant).subList(1, variant.length).toArray(String[]::new);
            String request = request(variant[0], path, headers);
            long before = answered();
            Response onConnection;
            try (Connection fast = connect()) {
                onConnection = fast.exchange(request);
            }
            assertEquals(before + 1, answered(), String.join(" ", variant));
            Response byJetty;
            try (Connection handed = connect()) {
                // A miss first hands the connection to Jetty, whose handler then answers from the cache.
                assertEquals(404, handed.exchange(get("/no/such/page")).status());
                byJetty = handed.exchange(request);
            }
            assertEquals(before + 1, answered(), "after a hand-over, Jetty answers");
            assertEquals(byJetty.headWithoutDate(), onConnection.headWithoutDate(), String.join(" ", variant));
            assertArrayEquals(byJetty.body(), onConnection.body());
        }
    }

    @Test
    void answersCarryWhatTheCacheKeeps() throws IOException {
        try (Connection c = connect()) {
            Response plain = c.exchange(get(path));
            assertEquals(200, plain.status());
            assertTrue(plain.text().contains("<h1>Ferry fares frozen</h1>"));
            assertTrue(plain.header("Date").endsWith(" GMT"));
            assertEquals("nosniff", plain.header("X-Content-Type-Options"));

            Response gzip = c.exchange(get(path, "Accept-Encoding: gzip"));
            assertEquals("gzip", gzip.header("Content-Encoding"));
            assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes());

            Response head = c.exchange(request("HEAD", path));
            assertEquals(Integer.toString(plain.body().length), head.header("Content-Length"));
            assertEquals(0, head.body().length);

            Response notModified = c.exchange(get(path, "If-Modified-Since: " + plain.header("Last-Modified")));
            assertEquals(304, notModified.status());
            // A 304 may only carry the length the 200 would have had (RFC 9110, section 8.6).
            assertEquals(Integer.toString(plain.body().length), notModified.header("Content-Length"));
            assertEquals(null, notModified.header("Content-Type"));

            assertEquals(
                    "max-age=31536000",
                    c.exchange(get(path, "X-Forwarded-Proto: https")).header("Strict-Transport-Security"));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndTheFirstMissHandsTheRestToJetty() throws IOException {
        long before = answered();
        try (Connection c = connect()) {
            c.send(get(path) + request("HEAD", path) + get("/no/such/page") + get(path) + request("POST", "/search"));
            assertEquals(200, c.read(false).status());
            Response head = c.read(true);
            assertEquals(200, head.status());
            assertEquals(0, head.body().length);
            assertEquals(404, c.read(false).status());
            Response afterMiss = c.read(false);
            assertEquals(200, afterMiss.status());
            assertTrue(afterMiss.text().contains("<h1>Ferry fares frozen</h1>"));
            assertTrue(c.read(false).status() >= 400, "a POST without a body or token is refused, not lost");
        }
        assertEquals(before + 2, answered());
    }

    @Test
    void aRequestArrivingInPiecesIsAnsweredWhenWhole() throws IOException {
        long before = answered();
        try (Connection c = connect()) {
            String request = get(path, "Accept-Encoding: identity");
            for (String piece : List.of(request.substring(0, 5), request.substring(5, 30), request.substring(30))) {
                c.send(piece);
            }
            assertEquals(200, c.read(false).status());
            c.send(get(path));
            assertEquals(200, c.read(false).status());
        }
        assertEquals(before + 2, answered());
    }

    @Test
    void requestsItDoesNotReadAreJettysAndAnsweredAlike() throws IOException {
        long before = answered();
        try (Connection c = connect()) {
            c.send("GET " + path + " HTTP/1.0\r\n\r\n");
            Response old = c.read(false);
            assertEquals(200, old.status());
            assertTrue(old.text().contains("<h1>Ferry fares frozen</h1>"));
        }
        try (Connection c = connect()) {
            assertEquals(400, c.exchange("GET " + path + " HTTP/1.1\r\n\r\n").status(), "no Host");
        }
        try (Connection c = connect()) {
            Response closing = c.exchange(get(path, "Connection: close"));
            assertEquals(200, closing.status());
            assertEquals("close", closing.header("Connection"));
            assertEquals(-1, c.in.read(), "closed after the answer");
        }
        assertEquals(before, answered());
    }

    @Test
    void aClientThatStopsSendingGetsItsAnswersAndThenTheEnd() throws IOException {
        try (Connection c = connect()) {
            c.send(get(path) + get(path));
            c.socket.shutdownOutput();
            assertEquals(200, c.read(false).status());
            assertEquals(200, c.read(false).status());
            assertEquals(-1, c.in.read());
        }
    }

    private Connection connect() throws IOException {
        return new Connection(new Socket("127.0.0.1", web.server.port()));
    }

    /** One HTTP/1.1 connection, read answer by answer. */
    private static final class Connection implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        Response exchange(String request) throws IOException {
            send(request);
            return read(request.startsWith("HEAD "));
        }

        /** The next answer: its head, then a body as its Content-Length or chunks say, none for HEAD or 304. */
        Response read(boolean head) throws IOException {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            while (!text.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed after " + text);
                }
                text.write(b);
            }
            Response response = new Response(text.toString(StandardCharsets.ISO_8859_1), new byte[0]);
            if (head || response.status() == 304) {
                return response;
            }
            if ("chunked".equals(response.header("Transfer-Encoding"))) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (true) {
                    int size = Integer.parseInt(line(), 16);
                    body.write(in.readNBytes(size));
                    line();
                    if (size == 0) {
                        return new Response(response.head(), body.toByteArray());
                    }
                }
            }
            String length = response.header("Content-Length");
            byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
            return new Response(response.head(), body);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("closed in a chunk");
                }
                line.append((char) b);
            }
            return line.toString().strip();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private record Response(String head, byte[] body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        /** Every line but the Date, which changes each second. */
        List<String> headWithoutDate() {
            List<String> lines = new ArrayList<>();
            for (String line : head.split("\r\n")) {
                if (!line.startsWith("Date:")) {
                    lines.add(line);
                }
            }
            return lines;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
