package org.lede.web.cache;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.IteratingCallback;
import org.lede.web.support.SecurityHeaders;

/**
 * The first reader of every HTTP/1.1 connection: it answers requests for cached pages itself,
 * from bytes it parses and headers it encoded once per page, and hands the connection to Jetty's
 * own HTTP connection, with every byte it has read, at the first request it does not answer.
 *
 * <p>Why: a cached page answered by {@link CachedPageHandler} still passes through Jetty's HTTP
 * parser, request and response objects, handler chain and header generator. Measured here with
 * wrk on the 100,000-story archive, that path answered at 0.6 to 0.8 times the rate of nginx
 * serving the same bytes, and Jetty with a handler that only writes a buffer did no better than
 * nginx. Answered here, the story and home pages took 20 to 26 microseconds of CPU each against
 * nginx's 27 to 36, and came at 1.0 to 1.5 times nginx's rate. A browser's connection stays on
 * it while it asks for cached pages; Jetty keeps everything else (newsroom, forms, misses,
 * anything {@link RequestHead} does not read with certainty) as before, and
 * {@link CachedPageHandler} still answers cached pages asked for there.
 */
public final class CachedPageConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeFrom {
    private static final ByteBuffer OK = ascii("HTTP/1.1 200 OK\r\n");
    private static final ByteBuffer NOT_MODIFIED = ascii("HTTP/1.1 304 Not Modified\r\n");

    private final Factory factory;
    private final Connector connector;
    private final Serving serving = new Serving();
    /** Touched only while serving, or once serving has completed. */
    private RetainableByteBuffer buffer;

    private boolean handedOver;

    private CachedPageConnection(Factory factory, EndPoint endPoint, Connector connector) {
        super(endPoint, connector.getExecutor());
        this.factory = factory;
        this.connector = connector;
    }

    /**
     * Makes the connections, first in the connector's list so every connection starts here,
     * with Jetty's {@link HttpConnectionFactory} for the connections it hands over.
     */
    public static final class Factory extends AbstractConnectionFactory {
        private final PageCache cache;
        private final HttpConnectionFactory http;
        private final LongAdder answered = new LongAdder();
        private volatile DateLine date = new DateLine(null, null);

        public Factory(PageCache cache, HttpConnectionFactory http) {
            super("lede-cached-pages");
            HttpConfiguration config = http.getHttpConfiguration();
            if (config.getSendServerVersion() || config.getSendXPoweredBy() || !config.getSendDateHeader()) {
                // Jetty would then send headers this connection does not: the two would answer differently.
                throw new IllegalArgumentException("Cached pages are answered with a Date header and no Server header");
            }
            this.cache = cache;
            this.http = http;
            // Never more than Jetty's connection takes over in one buffer, so no read byte is lost.
            setInputBufferSize(http.getInputBufferSize());
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            return configure(new CachedPageConnection(this, endPoint, connector), connector, endPoint);
        }

        /** How many requests connections of this factory answered, rather than Jetty. */
        public long answered() {
            return answered.sum();
        }

        /** The Date line of this second, encoded once per second as Jetty's own is. */
        ByteBuffer dateLine(HttpField field) {
            DateLine line = date;
            if (line.field != field) {
                line = new DateLine(field, ascii(field.getName() + ": " + field.getValue() + "\r\n"));
                date = line;
            }
            return line.bytes.duplicate();
        }

        private record DateLine(HttpField field, ByteBuffer bytes) {}
    }

    @Override
    public void onOpen() {
        super.onOpen();
        fillInterested();
    }

    @Override
    public void onFillable() {
        serving.iterate();
    }

    @Override
    public ByteBuffer onUpgradeFrom() {
        // A copy, so the pooled buffer goes back now; Jetty's connection copies it into its own.
        ByteBuffer unread = buffer == null ? null : BufferUtil.copy(buffer.getByteBuffer());
        release();
        return unread;
    }

    @Override
    public void onClose(Throwable cause) {
        // Closed by the peer, an idle timeout or a failure, perhaps while serving on another
        // thread: the buffer goes back once serving has stopped (Serving.onCompleted). A hand-over
        // also closes this connection, from within serving, and must not close the endpoint.
        if (!handedOver) {
            serving.abort(cause != null ? cause : new ClosedChannelException());
        }
        super.onClose(cause);
    }

    private void release() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    /**
     * Serves one request at a time, in order: reads, answers, and reads on when the answer is
     * written. A callback that iterates keeps a write that completes at once from recursing.
     */
    private final class Serving extends IteratingCallback {
        @Override
        protected Action process() throws Exception {
            EndPoint endPoint = getEndPoint();
            while (true) {
                if (buffer == null) {
                    buffer = connector.getByteBufferPool().acquire(getInputBufferSize(), true);
                }
                ByteBuffer in = buffer.getByteBuffer();
                if (in.hasRemaining()) {
                    RequestHead.Parsed parsed = RequestHead.parse(in);
                    if (parsed instanceof RequestHead.Parsed.Get get) {
                        List<ByteBuffer> answer = answer(get);
                        if (answer == null) {
                            return handOver();
                        }
                        in.position(in.position() + get.length());
                        factory.answered.increment();
                        endPoint.write(this, answer.toArray(ByteBuffer[]::new));
                        return Action.SCHEDULED;
                    }
                    if (parsed instanceof RequestHead.Parsed.Other) {
                        return handOver();
                    }
                    if (BufferUtil.space(in) == 0 && in.position() == 0) {
                        // A head larger than the buffer: Jetty reads it, and answers if it is too large.
                        return handOver();
                    }
                }
                BufferUtil.compact(in);
                int read = endPoint.fill(in);
                if (read < 0) {
                    endPoint.close();
                    return Action.SUCCEEDED;
                }
                if (read == 0) {
                    if (!in.hasRemaining()) {
                        release();
                    }
                    fillInterested();
                    return Action.IDLE;
                }
            }
        }

        private Action handOver() {
            handedOver = true;
            getEndPoint().upgrade(factory.http.newConnection(connector, getEndPoint()));
            return Action.SUCCEEDED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            getEndPoint().close(cause);
        }

        @Override
        protected void onCompleted(Throwable causeOrNull) {
            release();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** The bytes of the cache's answer, or null when the page is not cached. */
    private List<ByteBuffer> answer(RequestHead.Parsed.Get get) {
        PageCache cache = factory.cache;
        String key = CacheKeys.of(get.path(), get.query(), get.authorization());
        PageCache.CachedPage page = key == null ? null : cache.get(key);
        if (page == null) {
            return null;
        }
        // The first gzip request for a page compresses it here, on the selector thread: about 0.3 ms
        // for a story page, once per page until it is purged.
        CachedAnswer answer =
                CachedAnswer.of(cache, key, page, get.ifNoneMatch(), get.ifModifiedSince(), get.acceptEncoding());
        // The connector is plain HTTP: HTTPS ends in front of Lede, which says so in X-Forwarded-Proto.
        List<HttpField> security = SecurityHeaders.fields(get.path(), "http", get.forwardedProto());
        List<ByteBuffer> bytes = new ArrayList<>(4);
        bytes.add((answer.notModified() ? NOT_MODIFIED : OK).duplicate());
        bytes.add(factory.dateLine(connector.getServer().getDateField()));
        bytes.add(page.wire().heads().get(answer, security));
        if (!answer.notModified() && !get.head()) {
            bytes.add(answer.body());
        }
        return bytes;
    }

    private static ByteBuffer ascii(String text) {
        return PageCache.Wire.direct(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
