package org.lede.web.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers of every answer, reader, newsroom and media alike, set by the outermost
 * handler before anything else runs: cached pages, Javalin's routes, error pages, redirects and
 * 304s all carry them, and no route can forget. The fields are encoded once, so a cached page
 * costs a few more header copies and no formatting.
 *
 * <p>The policy allows no script or style but our own inline ones, named by the SHA-256 of their
 * exact text ({@link Assets}); a stored {@code <script>} that escaped a template would not run.
 */
public final class SecurityHeaders extends Handler.Wrapper {
    /** Every inline script a page of ours may carry, written whole between its tags by the templates. */
    public static final List<String> SCRIPTS =
            List.of(Assets.TIME_JS, Assets.EDITOR_JS, Assets.PASTE_JS, Assets.DASHBOARD_JS);
    /** Every inline stylesheet, likewise. */
    public static final List<String> STYLES = List.of(Assets.CSS, Assets.NEWSROOM_CSS);

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src " + hashes(SCRIPTS)
            + "; style-src " + hashes(STYLES)
            + "; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** Readers' links to other sites say where they came from, never the page; the newsroom's say nothing. */
    public static final String READER_REFERRER_POLICY = "strict-origin-when-cross-origin";

    public static final String NEWSROOM_REFERRER_POLICY = "same-origin";
    public static final String HSTS = "max-age=31536000";

    private static final HttpField CSP = new PreEncodedHttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NO_FRAMES = new PreEncodedHttpField("X-Frame-Options", "DENY");
    private static final HttpField READER_REFERRER = new PreEncodedHttpField("Referrer-Policy", READER_REFERRER_POLICY);
    private static final HttpField NEWSROOM_REFERRER =
            new PreEncodedHttpField("Referrer-Policy", NEWSROOM_REFERRER_POLICY);
    private static final HttpField STRICT_TRANSPORT =
            new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY, HSTS);

    private static final List<HttpField> READER = List.of(CSP, NOSNIFF, NO_FRAMES, READER_REFERRER);
    private static final List<HttpField> READER_HTTPS =
            List.of(CSP, NOSNIFF, NO_FRAMES, READER_REFERRER, STRICT_TRANSPORT);
    private static final List<HttpField> NEWSROOM = List.of(CSP, NOSNIFF, NO_FRAMES, NEWSROOM_REFERRER);
    private static final List<HttpField> NEWSROOM_HTTPS =
            List.of(CSP, NOSNIFF, NO_FRAMES, NEWSROOM_REFERRER, STRICT_TRANSPORT);
    /** Every list {@link #fields} returns, each the same instance every time. */
    public static final List<List<HttpField>> VARIANTS = List.of(READER, READER_HTTPS, NEWSROOM, NEWSROOM_HTTPS);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = response.getHeaders();
        fields(
                        request.getHttpURI().getPath(),
                        request.getHttpURI().getScheme(),
                        request.getHeaders().get("X-Forwarded-Proto"))
                .forEach(headers::add);
        return super.handle(request, response, callback);
    }

    /**
     * The headers an answer to this request carries, in order; also what the cached-page
     * connection writes, which answers before any handler runs.
     *
     * @param forwardedProto the {@code X-Forwarded-Proto} header, or null
     */
    public static List<HttpField> fields(String path, String scheme, String forwardedProto) {
        boolean https = Https.requested(scheme, forwardedProto);
        if (path.startsWith("/newsroom")) {
            return https ? NEWSROOM_HTTPS : NEWSROOM;
        }
        return https ? READER_HTTPS : READER;
    }

    /** The CSP source expression of each text: {@code 'sha256-BASE64'} of its UTF-8 bytes. */
    static String hashes(List<String> texts) {
        return texts.stream().map(SecurityHeaders::hash).collect(Collectors.joining(" "));
    }

    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
