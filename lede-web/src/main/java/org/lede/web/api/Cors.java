package org.lede.web.api;

import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.List;
import java.util.Map;

/**
 * Cross-origin reads of the public API and its description: any site's script may GET them
 * (they are public, and carry no cookies), read the validators and the next page's link, and
 * send a content key in Authorization, which a wildcard in Allow-Headers would not cover.
 */
final class Cors {
    /** The headers every answer carries, from the cache too. */
    static final Map<String, String> HEADERS =
            Map.of("Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "ETag, Link");

    private static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD");

    private Cors() {}

    static void allow(Context ctx) {
        HEADERS.forEach(ctx::header);
    }

    /**
     * Answers a preflight: GET and HEAD, with a content key and validators, remembered for a day.
     * A preflight for any other method is refused outright (405 with Allow), which fails it as the
     * Fetch standard's CORS check would, and says why to whoever reads the network log.
     */
    static void preflight(Context ctx) {
        allow(ctx);
        String method = ctx.header("Access-Control-Request-Method");
        if (method != null && !ALLOWED_METHODS.contains(method)) {
            throw new MethodNotAllowedResponse(
                    "This API is read-only: it answers GET and HEAD, not " + method + ".",
                    Map.of("allowed", String.join(", ", ALLOWED_METHODS) + ", OPTIONS"));
        }
        ctx.header("Access-Control-Allow-Methods", String.join(", ", ALLOWED_METHODS));
        ctx.header("Access-Control-Allow-Headers", "Authorization, If-None-Match, If-Modified-Since");
        ctx.header("Access-Control-Max-Age", "86400");
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.status(204);
    }
}
