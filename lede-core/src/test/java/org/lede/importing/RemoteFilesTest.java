package org.lede.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lede.media.MediaService;
import org.lede.net.Destinations;
import org.lede.net.TargetAddresses;

/** Against a real HTTP server on 127.0.0.1: what an import fetches, and every way it refuses. */
class RemoteFilesTest {
    private static final int LIMIT = 64 * 1024;
    private static final byte[] PNG = png();
    private static final long STREAMED = 64L * 1024 * 1024;

    private HttpServer server;
    private ExecutorService threads;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Headers> asked = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Long> streamed = new CompletableFuture<>();
    private String base;

    private static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            asked.add(exchange.getRequestHeaders());
            try (exchange) {
                answer(exchange, exchange.getRequestURI().getPath());
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/photo.png")) {
            send(exchange, 200, "image/png", PNG);
        } else if (path.equals("/exact.png")) {
            send(exchange, 200, "image/png", padded(LIMIT));
        } else if (path.equals("/over.png")) {
            send(exchange, 200, "image/png", padded(LIMIT + 1));
        } else if (path.equals("/over-chunked.png")) {
            exchange.getResponseHeaders().set("content-type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(padded(LIMIT + 1));
        } else if (path.equals("/endless.png")) {
            stream(exchange);
        } else if (path.equals("/declared-over.png")) {
            // Says one byte too many, then sends the start and waits: only a client that believed
            // the header answers before the test ends.
            exchange.getResponseHeaders().set("content-type", "image/png");
            exchange.sendResponseHeaders(200, LIMIT + 1);
            exchange.getResponseBody().write(PNG);
            exchange.getResponseBody().flush();
            awaitRelease();
        } else if (path.equals("/page.html")) {
            send(exchange, 200, "text/html; charset=utf-8", "<p>not an image</p>".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/mislabelled.png")) {
            send(exchange, 200, "application/octet-stream", "GIF89a, or so".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/unlabelled.png")) {
            send(exchange, 200, null, PNG);
        } else if (path.equals("/upload-limit.png")) {
            exchange.getResponseHeaders().set("content-type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(padded((int) MediaService.MAX_BYTES + 1));
        } else if (path.equals("/big-feed.xml")) {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[1024 * 1024 + 1]);
        } else if (path.equals("/feed.xml")) {
            send(exchange, 200, "application/rss+xml", feed().getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith("/hops/")) {
            int left = Integer.parseInt(path.substring("/hops/".length()));
            redirect(exchange, left == 0 ? "/photo.png" : Integer.toString(left - 1));
        } else if (path.startsWith("/status/")) {
            send(exchange, Integer.parseInt(path.substring("/status/".length())), "image/png", PNG);
        } else if (path.equals("/moved.png")) {
            redirect(exchange, "/missing.png");
        } else if (path.equals("/to-private")) {
            redirect(exchange, "http://10.0.0.1/x.jpg");
        } else if (path.equals("/to-file")) {
            redirect(exchange, "file:///etc/passwd");
        } else if (path.equals("/nowhere")) {
            exchange.sendResponseHeaders(302, -1);
        } else if (path.equals("/bad-location")) {
            redirect(exchange, "http://exa mple.com/x");
        } else if (path.equals("/slow.png")) {
            awaitRelease();
            send(exchange, 200, "image/png", PNG);
        } else {
            send(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@link #STREAMED} bytes, or as many as the client takes, and tells {@link #streamed} how many. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("content-type", "image/png");
        exchange.sendResponseHeaders(200, 0);
        long written = 0;
        try {
            OutputStream body = exchange.getResponseBody();
            byte[] chunk = padded(8192);
            while (written < STREAMED) {
                body.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            // The client hung up: what these tests hope for.
        } finally {
            streamed.complete(written);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("content-type", type);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** A PNG signature followed by filler, {@code size} bytes in all. */
    private static byte[] padded(int size) {
        byte[] bytes = Arrays.copyOf(PNG, size);
        Arrays.fill(bytes, Math.min(PNG.length, size), size, (byte) 'x');
        return bytes;
    }

    private static String feed() {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>"
                + "x".repeat(3 * LIMIT)
                + "</channel></rss>";
    }

    private RemoteFiles files(boolean allowPrivate) {
        return new RemoteFiles(allowPrivate, LIMIT, Duration.ofSeconds(10));
    }

    private URI url(String path) {
        return URI.create(base + path);
    }

    private String refusal(RemoteFiles files, String url) {
        try (files) {
            return assertThrows(RemoteFileException.class, () -> files.image(URI.create(url)))
                    .getMessage();
        }
    }

    @Test
    void anImageIsFetchedWithItsType() {
        try (RemoteFiles files = files(true)) {
            RemoteFiles.Fetched fetched = files.image(url("/photo.png"));
            assertArrayEquals(PNG, fetched.bytes());
            assertEquals("image/png", fetched.contentType());
            assertEquals(url("/photo.png"), fetched.url());
        }
    }

    @Test
    void plainHttpAsksForNoUpgradeAndImagesAskForImages() {
        try (RemoteFiles files = files(true)) {
            files.image(url("/photo.png"));
            files.fetch(url("/page.html"));
        }
        assertEquals(2, asked.size());
        assertFalse(asked.get(0).containsKey("upgrade"), asked.get(0).keySet().toString());
        assertTrue(asked.get(0).getFirst("accept").startsWith("image/jpeg"));
        assertEquals("*/*", asked.get(1).getFirst("accept"));
    }

    @Test
    void everyTwoHundredIsSuccessAndNothingElse() {
        try (RemoteFiles files = files(true)) {
            assertArrayEquals(PNG, files.image(url("/status/200")).bytes());
            assertArrayEquals(PNG, files.image(url("/status/299")).bytes());
        }
        assertEquals(
                "Image " + base + "/status/300 was not downloaded: the server answered 300.",
                refusal(files(true), base + "/status/300"));
    }

    @Test
    void limitsInWholeMegabytesAreSaidSo() {
        try (RemoteFiles files = files(true)) {
            RemoteFileException e =
                    assertThrows(RemoteFileException.class, () -> files.download(url("/big-feed.xml"), 1024 * 1024));
            assertEquals(
                    "File " + base + "/big-feed.xml was not downloaded: it is larger than 1 MB, the most accepted.",
                    e.getMessage());
        }
    }

    @Test
    void aTimeoutInWholeSecondsIsSaidSo() {
        assertEquals(
                "Image " + base + "/slow.png was not downloaded: it did not arrive within 1 s.",
                refusal(new RemoteFiles(true, LIMIT, Duration.ofSeconds(1)), base + "/slow.png"));
    }

    @Test
    void anImageWithoutAContentTypeIsJudgedByItsBytes() {
        try (RemoteFiles files = files(true)) {
            assertArrayEquals(PNG, files.image(url("/unlabelled.png")).bytes());
        }
    }

    @Test
    void redirectsAreFollowedToTheEndAndTheFinalAddressKept() {
        try (RemoteFiles files = files(true)) {
            RemoteFiles.Fetched fetched = files.image(url("/hops/4"));
            assertArrayEquals(PNG, fetched.bytes());
            assertEquals(url("/photo.png"), fetched.url());
            assertEquals(6, requests.get());
        }
    }

    @Test
    void aSixthRedirectIsRefused() {
        assertEquals(
                "Image " + base + "/hops/5 was not downloaded: it redirects more than 5 times.",
                refusal(files(true), base + "/hops/5"));
        assertEquals(6, requests.get());
    }

    @Test
    void aRedirectIsCheckedLikeTheFirstAddress() {
        // Loopback allowed so that the test server can be reached; everything else as in production.
        Destinations loopbackToo = new Destinations(
                InetAddress::getAllByName,
                address -> address.isLoopbackAddress() ? Optional.empty() : TargetAddresses.refusal(address));
        assertEquals(
                "Image " + base + "/to-private was not downloaded: it redirects to http://10.0.0.1/x.jpg, and 10.0.0.1"
                        + " is a private address.",
                refusal(new RemoteFiles(loopbackToo, LIMIT, Duration.ofSeconds(10)), base + "/to-private"));
        assertEquals(
                "Image " + base + "/to-file was not downloaded: it redirects to file:///etc/passwd, and only http and"
                        + " https addresses are fetched.",
                refusal(files(true), base + "/to-file"));
        assertEquals(2, requests.get());
    }

    @Test
    void aRedirectMustSayWhereToAndBeAUrl() {
        assertEquals(
                "Image " + base + "/nowhere was not downloaded: the server answered 302 without saying where to.",
                refusal(files(true), base + "/nowhere"));
        assertEquals(
                "Image " + base + "/bad-location was not downloaded: it redirects to http://exa mple.com/x, which is"
                        + " not a URL.",
                refusal(files(true), base + "/bad-location"));
    }

    @Test
    void aBodyOfExactlyTheLimitIsKept() {
        try (RemoteFiles files = files(true)) {
            assertEquals(LIMIT, files.image(url("/exact.png")).bytes().length);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithOrWithoutItsLength() {
        String tooLarge = " was not downloaded: it is larger than 65536 bytes, the most accepted.";
        assertEquals("Image " + base + "/over.png" + tooLarge, refusal(files(true), base + "/over.png"));
        assertEquals(
                "Image " + base + "/over-chunked.png" + tooLarge, refusal(files(true), base + "/over-chunked.png"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        RemoteFiles files = new RemoteFiles(true, LIMIT, Duration.ofSeconds(5));
        long started = System.nanoTime();
        assertEquals(
                "Image " + base + "/declared-over.png was not downloaded: it is larger than 65536 bytes, the most"
                        + " accepted.",
                refusal(files, base + "/declared-over.png"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 4, "the body was waited for");
    }

    @Test
    void anEndlessBodyIsCutOffWhileItStreams() throws Exception {
        assertEquals(
                "Image " + base + "/endless.png was not downloaded: it is larger than 65536 bytes, the most accepted.",
                refusal(files(true), base + "/endless.png"));
        long written = streamed.get(30, TimeUnit.SECONDS);
        assertTrue(written < STREAMED, "the server wrote all " + written + " bytes");
    }

    @Test
    void anErrorStatusIsReported() {
        assertEquals(
                "Image " + base + "/gone.png was not downloaded: the server answered 404.",
                refusal(files(true), base + "/gone.png"));
        assertEquals(
                "Image " + base + "/moved.png was not downloaded: the server answered 404 at " + base + "/missing.png.",
                refusal(files(true), base + "/moved.png"));
    }

    @Test
    void aSlowServerTimesOut() {
        RemoteFiles files = new RemoteFiles(true, LIMIT, Duration.ofMillis(500));
        assertEquals(
                "Image " + base + "/slow.png was not downloaded: it did not arrive within 500 ms.",
                refusal(files, base + "/slow.png"));
    }

    @Test
    void aClosedPortIsReported() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertEquals(
                "Image http://127.0.0.1:" + closed + "/x.png was not downloaded: the server 127.0.0.1 refused the"
                        + " connection.",
                refusal(files(true), "http://127.0.0.1:" + closed + "/x.png"));
    }

    @Test
    void whatIsNotAnImageIsRefused() {
        assertEquals(
                "Image " + base + "/page.html was not downloaded: the server says it is text/html; charset=utf-8, not"
                        + " an image.",
                refusal(files(true), base + "/page.html"));
        assertEquals(
                "Image " + base + "/mislabelled.png was not downloaded: it is not a JPEG, PNG or WebP image (the server"
                        + " calls it application/octet-stream).",
                refusal(files(true), base + "/mislabelled.png"));
    }

    @Test
    void anyFileIsFetchedWithoutTheImageChecks() {
        try (RemoteFiles files = files(true)) {
            RemoteFiles.Fetched page = files.fetch(url("/page.html"));
            assertEquals("<p>not an image</p>", new String(page.bytes(), StandardCharsets.UTF_8));
            assertEquals("text/html; charset=utf-8", page.contentType());
            RemoteFileException e = assertThrows(RemoteFileException.class, () -> files.fetch(url("/gone")));
            assertEquals("File " + base + "/gone was not downloaded: the server answered 404.", e.getMessage());
            assertEquals(url("/gone"), e.url());
            assertEquals("the server answered 404.", e.reason());
        }
    }

    @Test
    void aFeedIsDownloadedToATemporaryFileWithItsOwnLimit() throws IOException {
        try (RemoteFiles files = files(true)) {
            Path file = files.download(url("/feed.xml"), RemoteFiles.FEED_MAX_BYTES);
            try {
                assertEquals(feed(), Files.readString(file));
            } finally {
                Files.delete(file);
            }
            RemoteFileException e =
                    assertThrows(RemoteFileException.class, () -> files.download(url("/feed.xml"), LIMIT));
            assertEquals(
                    "File " + base + "/feed.xml was not downloaded: it is larger than 65536 bytes, the most accepted.",
                    e.getMessage());
            assertEquals(50L * 1024 * 1024, RemoteFiles.FEED_MAX_BYTES);
        }
    }

    @Test
    void aFailedDownloadLeavesNoFile() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = downloads(tmp);
        try (RemoteFiles files = files(true)) {
            assertThrows(RemoteFileException.class, () -> files.download(url("/feed.xml"), LIMIT));
            assertThrows(RemoteFileException.class, () -> files.download(url("/gone"), LIMIT));
        }
        assertEquals(before, downloads(tmp));
    }

    private static List<Path> downloads(Path dir) throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().startsWith("lede-import-"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theEngineGetsAnImageOrANote() {
        try (RemoteFiles files = files(true)) {
            List<String> notes = new ArrayList<>();
            assertArrayEquals(
                    PNG, files.image(base + "/photo.png", notes).orElseThrow().bytes());
            assertEquals(List.of(), notes);
            assertTrue(files.image(base + "/gone.png", notes).isEmpty());
            assertTrue(files.image("http://exa mple.com/x.png", notes).isEmpty());
            assertEquals(
                    List.of(
                            "Image " + base + "/gone.png was not downloaded: the server answered 404.",
                            "Image http://exa mple.com/x.png was not downloaded: it is not a URL (Illegal character in"
                                    + " authority)."),
                    notes);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://example.com/x.png",
                "jar:file:/tmp/a.jar!/x.png",
                "data:image/png;base64,iVBORw0KGgo=",
                "gopher://example.com/x",
                "/relative/x.png"
            })
    void onlyHttpAndHttpsAreFetched(String url) {
        assertEquals(
                "Image " + url + " was not downloaded: only http and https addresses are fetched.",
                refusal(files(true), url));
    }

    @Test
    void credentialsInTheAddressAreRefused() {
        String url = "http://editor:secret@127.0.0.1:" + server.getAddress().getPort() + "/photo.png";
        assertEquals(
                "Image " + url + " was not downloaded: the address carries a user name or password, which an import"
                        + " never sends.",
                refusal(files(true), url));
        assertEquals(0, requests.get());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65536, 99999})
    void aPortThatCannotExistIsRefused(int port) {
        String url = "http://127.0.0.1:" + port + "/x.png";
        assertEquals(
                "Image " + url + " was not downloaded: the address names port " + port + ", which does not exist.",
                refusal(files(true), url));
    }

    @Test
    void theHighestPortIsAsked() {
        assertTrue(refusal(files(true), "http://127.0.0.1:65535/x.png").endsWith("refused the connection."));
    }

    @Test
    void anAddressWithoutAHostIsRefused() {
        assertEquals(
                "Image http:///x.png was not downloaded: the address names no host.",
                refusal(files(true), "http:///x.png"));
    }

    @Test
    void addressesInsideTheNetworkAreRefusedBeforeAnyConnection() {
        int port = server.getAddress().getPort();
        assertEquals(
                "Image " + base + "/photo.png was not downloaded: 127.0.0.1 is a loopback address.",
                refusal(files(false), base + "/photo.png"));
        assertTrue(refusal(files(false), "http://localhost:" + port + "/photo.png")
                .matches("Image http://localhost:\\d+/photo.png was not downloaded: localhost resolves to \\S+, a"
                        + " loopback address\\."));
        assertEquals(
                "Image http://[::1]:" + port + "/photo.png was not downloaded: ::1 is a loopback address.",
                refusal(files(false), "http://[::1]:" + port + "/photo.png"));
        assertEquals(
                "Image http://[::ffff:127.0.0.1]:" + port + "/photo.png was not downloaded: ::ffff:127.0.0.1 is a"
                        + " loopback address.",
                refusal(files(false), "http://[::ffff:127.0.0.1]:" + port + "/photo.png"));
        assertEquals(
                "Image http://10.0.0.1/x.jpg was not downloaded: 10.0.0.1 is a private address.",
                refusal(files(false), "http://10.0.0.1/x.jpg"));
        assertEquals(
                "Image http://169.254.169.254/latest/meta-data/ was not downloaded: 169.254.169.254 is a cloud metadata"
                        + " address.",
                refusal(files(false), "http://169.254.169.254/latest/meta-data/"));
        assertEquals(
                "Image http://100.64.0.1/x.jpg was not downloaded: 100.64.0.1 is a shared (carrier-grade NAT) address.",
                refusal(files(false), "http://100.64.0.1/x.jpg"));
        assertEquals(0, requests.get());
    }

    @Test
    void theLimitsForImagesAreTheUploadLimits() {
        try (RemoteFiles files = RemoteFiles.forImages(true)) {
            assertArrayEquals(PNG, files.image(url("/photo.png")).bytes());
            assertEquals(
                    "Image " + base + "/upload-limit.png was not downloaded: it is larger than 20 MB, the most"
                            + " accepted.",
                    assertThrows(RemoteFileException.class, () -> files.image(url("/upload-limit.png")))
                            .getMessage());
        }
        assertEquals(20L * 1024 * 1024, MediaService.MAX_BYTES);
        assertEquals(Duration.ofSeconds(30), RemoteFiles.TIMEOUT);
        try (RemoteFiles files = RemoteFiles.forImages(false)) {
            assertTrue(files.image(base + "/photo.png", new ArrayList<>()).isEmpty());
        }
    }
}
