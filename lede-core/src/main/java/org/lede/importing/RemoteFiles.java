package org.lede.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lede.media.MediaService;
import org.lede.media.MediaType;
import org.lede.net.Destinations;
import org.lede.net.RefusedHostException;

/**
 * The one way an import reads anything over the network: an image an export points to, or a feed
 * given by its URL. The URL came from a file someone else wrote, so only http and https are
 * fetched, never with credentials, and never from an address {@link Destinations} refuses (the
 * server's own network, cloud metadata). Redirects are followed here, at most {@link
 * #MAX_REDIRECTS}, each new address checked like the first. A body is counted as it arrives and
 * the download stops at the limit, so nothing larger than the limit is ever held.
 *
 * <p>Every refusal is a {@link RemoteFileException} whose message is a sentence for an import's
 * report. The JDK client resolves a checked name again when it connects; see {@link Destinations}.
 */
public final class RemoteFiles implements AutoCloseable {
    public static final int MAX_REDIRECTS = 5;
    /** The largest feed read from a URL; the reader streams it, so this bounds disk, not memory. */
    public static final long FEED_MAX_BYTES = 50L * 1024 * 1024;

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> GENERIC_TYPES = Set.of("application/octet-stream", "binary/octet-stream");

    /** What a request brought back. */
    public record Fetched(URI url, String contentType, byte[] bytes) {}

    private final Destinations destinations;
    private final long maxBytes;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param destinations which hosts may be reached
     * @param maxBytes the most {@link #fetch} and {@link #image} read
     * @param timeout for connecting, and for each request with its whole body
     */
    public RemoteFiles(Destinations destinations, long maxBytes, Duration timeout) {
        this.destinations = destinations;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * @param allowPrivate lets an import reach any address, for files served on the same machine
     *     or network (tests, a newsroom's own archive server)
     */
    public RemoteFiles(boolean allowPrivate, long maxBytes, Duration timeout) {
        this(Destinations.system(allowPrivate), maxBytes, timeout);
    }

    /** Images up to {@link MediaService#MAX_BYTES}, each request within {@link #TIMEOUT}. */
    public static RemoteFiles forImages(boolean allowPrivate) {
        return new RemoteFiles(allowPrivate, MediaService.MAX_BYTES, TIMEOUT);
    }

    /**
     * Any file of at most the limit given to the constructor.
     *
     * @throws RemoteFileException saying why it was not downloaded
     */
    public Fetched fetch(URI url) {
        return fetch("File", url, false);
    }

    /**
     * An image: refused when the server says it is something else (text, a page), or when its first
     * bytes are not those of an image format Lede knows. {@link MediaService#add} then checks its
     * size, dimensions and structure as for an upload.
     *
     * @throws RemoteFileException saying why it was not downloaded
     */
    public Fetched image(URI url) {
        return fetch("Image", url, true);
    }

    /**
     * {@link #image}, for an import engine that goes on without the image: empty, and the sentence
     * added to {@code notes}, when it was not downloaded.
     */
    public Optional<Fetched> image(String url, List<String> notes) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            notes.add("Image " + url + " was not downloaded: it is not a URL (" + e.getReason() + ").");
            return Optional.empty();
        }
        try {
            return Optional.of(image(uri));
        } catch (RemoteFileException e) {
            notes.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** This fetcher as the import engine's source of images named by http(s) addresses. */
    public RemoteImages asImages() {
        return (url, notes) -> image(url, notes).map(f -> new RemoteImages.Fetched(f.bytes(), fileName(f.url())));
    }

    /** The last segment of the address's path, which the media library keeps as the original's name. */
    static String fileName(URI url) {
        String path = url.getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "image" : name;
    }

    /**
     * A file of at most {@code limit} bytes, written to a temporary file as it arrives so that a
     * reader can open it twice; the caller deletes it.
     *
     * @throws RemoteFileException saying why it was not downloaded; no file is left behind then
     */
    public Path download(URI url, long limit) {
        Path file;
        try {
            file = Files.createTempFile("lede-import-", ".download");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            get("File", url, limit, false, out);
            done = true;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // The failure that brought us here is the one to report.
                }
            }
        }
    }

    private Fetched fetch(String subject, URI url, boolean image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reply reply = get(subject, url, maxBytes, image, out);
        byte[] bytes = out.toByteArray();
        if (image && MediaType.sniff(bytes).isEmpty()) {
            throw new RemoteFileException(
                    subject, url, "it is not a JPEG, PNG or WebP image" + described(reply.contentType()) + ".");
        }
        return new Fetched(reply.url(), reply.contentType(), bytes);
    }

    private static String described(String contentType) {
        return contentType == null ? "" : " (the server calls it " + contentType + ")";
    }

    private record Reply(URI url, String contentType) {}

    /** Follows redirects to a 2xx answer and writes its body to {@code out}, at most {@code limit} bytes. */
    private Reply get(String subject, URI url, long limit, boolean image, OutputStream out) {
        URI current = url;
        for (int hop = 0; ; hop++) {
            String refusal = refusal(current);
            if (refusal != null) {
                throw new RemoteFileException(
                        subject, url, hop == 0 ? refusal : "it redirects to " + current + ", and " + refusal);
            }
            HttpResponse<Long> response = send(subject, url, current, limit, image, out);
            int code = response.statusCode();
            if (REDIRECTS.contains(code)) {
                if (hop == MAX_REDIRECTS) {
                    throw new RemoteFileException(subject, url, "it redirects more than " + MAX_REDIRECTS + " times.");
                }
                current = next(subject, url, current, response);
                continue;
            }
            if (code < 200 || code > 299) {
                throw new RemoteFileException(
                        subject, url, "the server answered " + code + (hop == 0 ? "" : " at " + current) + ".");
            }
            String unwanted = unwanted(response.headers(), limit, image);
            if (unwanted != null) {
                throw new RemoteFileException(subject, url, unwanted);
            }
            return new Reply(
                    current, response.headers().firstValue("content-type").orElse(null));
        }
    }

    /**
     * Why a successful answer's body is not wanted, told by its headers alone so that it is never
     * read, or null: its declared length is over the limit, or it says it is not an image.
     */
    private static String unwanted(HttpHeaders headers, long limit, boolean image) {
        String type = headers.firstValue("content-type").orElse(null);
        if (image && type != null && !isImageType(type)) {
            return "the server says it is " + type + ", not an image.";
        }
        if (declaredLength(headers) > limit) {
            return tooLarge(limit);
        }
        return null;
    }

    /** The Content-Length, or -1 when there is none that reads as a number (the body is counted anyway). */
    private static long declaredLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("content-length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isImageType(String contentType) {
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mime.startsWith("image/") || GENERIC_TYPES.contains(mime);
    }

    private static String tooLarge(long limit) {
        return "it is larger than " + size(limit) + ", the most accepted.";
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    /** Why {@code uri} may not be requested, as a clause for the report, or null. */
    private String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https addresses are fetched.";
        }
        if (uri.getRawUserInfo() != null) {
            return "the address carries a user name or password, which an import never sends.";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "the address names no host.";
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return "the address names port " + uri.getPort() + ", which does not exist.";
        }
        try {
            destinations.addresses(uri.getHost());
        } catch (RefusedHostException e) {
            return e.clause() + ".";
        }
        return null;
    }

    private static URI next(String subject, URI url, URI current, HttpResponse<?> response) {
        String location = response.headers().firstValue("location").orElse(null);
        if (location == null || location.isBlank()) {
            throw new RemoteFileException(
                    subject, url, "the server answered " + response.statusCode() + " without saying where to.");
        }
        try {
            return current.resolve(new URI(location.strip()));
        } catch (URISyntaxException e) {
            throw new RemoteFileException(subject, url, "it redirects to " + location + ", which is not a URL.");
        }
    }

    private HttpResponse<Long> send(String subject, URI url, URI current, long limit, boolean image, OutputStream out) {
        HttpRequest request = request(current, image);
        CompletableFuture<HttpResponse<Long>> pending = client.sendAsync(request, info -> {
            boolean wanted = info.statusCode() >= 200
                    && info.statusCode() <= 299
                    && unwanted(info.headers(), limit, image) == null;
            // Only the body we keep is read; any other is left unread and its connection closed.
            return wanted ? new Limited(out, limit) : new Unread();
        });
        try {
            // One deadline for the answer and its whole body: the request's own timeout ends at the headers.
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new RemoteFileException(subject, url, "it did not arrive within " + seconds() + ".");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteFileException(subject, url, "the import was stopped.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new RemoteFileException(subject, url, tooLarge(limit));
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new RemoteFileException(subject, url, "no connection within " + seconds() + ".");
            }
            if (cause instanceof ConnectException) {
                throw new RemoteFileException(
                        subject, url, "the server " + current.getHost() + " refused the connection.");
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new RemoteFileException(subject, url, "the request failed (" + message + ").");
        }
    }

    private HttpRequest request(URI current, boolean image) {
        return HttpRequest.newBuilder(current)
                // Plain http asks for no upgrade to HTTP/2, which some servers answer badly; https
                // agrees on the version in its handshake.
                .version(
                        current.getScheme().equalsIgnoreCase("https")
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1)
                .header("user-agent", "Lede-Import/1")
                .header("accept", image ? "image/jpeg, image/png, image/webp;q=0.9, image/*;q=0.5" : "*/*")
                .GET()
                .build();
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** A body cut off at the limit, not a failure of the connection. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /** Writes the body as it arrives and stops the download once it passes the limit. */
    private static final class Limited implements HttpResponse.BodySubscriber<Long> {
        private final OutputStream out;
        private final long limit;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long count;

        Limited(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    count += buffer.remaining();
                    if (count > limit) {
                        subscription.cancel();
                        result.completeExceptionally(new TooLarge());
                        return;
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    out.write(chunk);
                }
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(count);
        }
    }

    /** Cancels the body without reading it; the answer is decided from the status and headers alone. */
    private static final class Unread implements HttpResponse.BodySubscriber<Long> {
        private final CompletableFuture<Long> result = new CompletableFuture<>();

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            result.complete(null);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {}

        @Override
        public void onError(Throwable failure) {
            result.complete(null);
        }

        @Override
        public void onComplete() {
            result.complete(null);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
