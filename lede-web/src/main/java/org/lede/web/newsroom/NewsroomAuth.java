package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lede.common.TooLargeException;
import org.lede.media.MediaService;
import org.lede.user.Actor;
import org.lede.user.Session;
import org.lede.user.UserService;
import org.lede.web.support.Https;

/**
 * Who is asking, for every newsroom request, and whether a change really comes from our own
 * form. Runs before every {@code /newsroom/} route: pages need a session (else the sign-in
 * page), and every non-GET request needs the CSRF token of its session, or for the sign-in
 * and setup forms the double-submit cookie. A multipart request (an upload) is judged before
 * its body is read: it needs a session, its token in the address or a header, and a declared
 * length within the upload limit, so nobody can make the server store a body it will refuse.
 */
public final class NewsroomAuth {
    public static final String SESSION_COOKIE = "lede_session";
    public static final String CSRF_COOKIE = "lede_csrf";
    public static final String CSRF_FIELD = "_csrf";
    private static final String SESSION = "lede.session";
    /** The largest upload request: one file at the media limit and room for the text fields beside it. */
    public static final long MAX_MULTIPART_BYTES = MediaService.MAX_BYTES + 64 * 1024;

    private static final Set<String> PUBLIC = Set.of("/newsroom/login", "/newsroom/setup", "/newsroom/reset");
    private final UserService users;
    private final Map<String, UploadLimit> largeUploads = new ConcurrentHashMap<>();

    /** A route whose uploads may be larger than an image, and what they are called in a refusal. */
    private record UploadLimit(long maxBytes, String what) {}

    public NewsroomAuth(UserService users) {
        this.users = users;
    }

    /**
     * Lets multipart requests to exactly {@code path} declare up to {@code maxBytes}; the route
     * itself must bound what it reads, since the server-wide multipart limits are an image's.
     */
    public void allowLargeUploads(String path, long maxBytes, String what) {
        largeUploads.put(path, new UploadLimit(maxBytes, what));
    }

    public void register(RoutesConfig routes) {
        routes.before("/newsroom", this::check);
        routes.before("/newsroom/*", this::check);
    }

    private void check(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        Optional<Session> session = users.session(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        boolean open =
                PUBLIC.stream().anyMatch(p -> ctx.path().equals(p) || ctx.path().startsWith(p + "/"));
        boolean safe = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
        boolean multipart = isMultipart(ctx);
        if (!safe && multipart && session.isEmpty()) {
            throw new UnauthorizedResponse("Sign in to the newsroom first.");
        }
        if (!safe) {
            String sent = sentToken(ctx);
            String expected = session.map(Session::csrf).orElse(open ? ctx.cookie(CSRF_COOKIE) : null);
            if (expected == null
                    || sent == null
                    || !MessageDigest.isEqual(
                            expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse(
                        "This form has expired or came from another site. Reload the page and try again.");
            }
        }
        if (session.isEmpty() && !open) {
            if (safe) {
                ctx.redirect(
                        "/newsroom/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("Sign in to the newsroom first.");
        }
        long length = ctx.req().getContentLengthLong();
        UploadLimit large = largeUploads.get(ctx.path());
        if (!safe && multipart && large != null) {
            if (length > large.maxBytes()) {
                throw new TooLargeException(large.what() + " may be at most " + (large.maxBytes() >> 20)
                        + " MB; this upload is " + (length >> 20) + " MB.");
            }
            return;
        }
        if (!safe && multipart && length > MAX_MULTIPART_BYTES) {
            throw new TooLargeException("Images may be at most " + (MediaService.MAX_BYTES >> 20)
                    + " MB; this upload is " + (length >> 20) + " MB.");
        }
    }

    private static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static String sentToken(Context ctx) {
        String header = ctx.header("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        if (isMultipart(ctx)) {
            // Reading a form field would read the whole body; a form without script sends it in the address.
            return ctx.queryParam(CSRF_FIELD);
        }
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            return ctx.formParam(CSRF_FIELD);
        }
        return null;
    }

    public static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new UnauthorizedResponse("Sign in to the newsroom first.");
        }
        return session;
    }

    public static Actor actor(Context ctx) {
        return session(ctx).user().actor();
    }

    static boolean secure(Context ctx) {
        return Https.requested(ctx.scheme(), ctx.header("X-Forwarded-Proto"));
    }

    static void setCookie(Context ctx, String name, String value, long maxAgeSeconds, String sameSite) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        name + "=" + value + "; Path=/newsroom; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite="
                                + sameSite + (secure(ctx) ? "; Secure" : ""));
    }

    /** The token the sign-in and setup forms carry, from its cookie or a new one. */
    static String preSessionToken(Context ctx) {
        String token = ctx.cookie(CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            token = UserService.randomToken();
            setCookie(ctx, CSRF_COOKIE, token, 3600, "Strict");
        }
        return token;
    }
}
