package org.lede.web.api.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.lede.common.UnauthorizedException;
import org.lede.token.ApiTokenService;
import org.lede.user.Actor;

/**
 * Who an admin API request acts as: the member of the personal API token in its
 * {@code Authorization: Bearer} header (RFC 6750), with the role they have now. Cookies are never
 * read here, so a browser that is signed in to the newsroom cannot be made to call the API from
 * another site, and the API needs no CSRF token. A request without a token, or with one that is
 * unknown, revoked or whose member is disabled, is 401 with a {@code WWW-Authenticate} challenge.
 */
public final class AdminApi {
    public static final String BASE = "/api/admin/v1";
    private static final String ACTOR = "lede.api.actor";
    private static final String REALM = "Bearer realm=\"lede-admin\"";
    private final ApiTokenService tokens;

    public AdminApi(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    public void register(RoutesConfig routes) {
        routes.before(BASE, this::authenticate);
        routes.before(BASE + "/*", this::authenticate);
    }

    private void authenticate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String header = ctx.header("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            // RFC 6750 §3.1: a request with no credentials gets the bare challenge, without an error code.
            throw new UnauthorizedException(
                    "Send a personal API token as \"Authorization: Bearer <token>\"; make one on your account page"
                            + " in the newsroom, or with \"lede token create\".",
                    REALM);
        }
        Actor actor = tokens.authenticate(header.substring(7).strip())
                .orElseThrow(() -> new UnauthorizedException(
                        "This API token is unknown, revoked, or its member's account is disabled.",
                        REALM + ", error=\"invalid_token\", error_description=\"The token is unknown or revoked.\""));
        ctx.attribute(ACTOR, actor);
    }

    /** The member the request acts as; set for every request under {@link #BASE}. */
    static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("AdminApi.register must run before the admin routes");
        }
        return actor;
    }
}
