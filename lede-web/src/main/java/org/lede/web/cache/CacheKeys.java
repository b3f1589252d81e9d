package org.lede.web.cache;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * The cache key of a request: its path and only the query parameters a reader page reads, so
 * {@code /?utm_source=a} and {@code /?utm_source=b} share one entry instead of each rendering
 * and filling the cache. {@link PageResponses} (storing) and {@link CachedPageHandler}
 * (answering, before any route is matched) both build keys here, so they always agree.
 */
public final class CacheKeys {
    /**
     * Paths whose answers read their whole query (filters, limits, cursors): keyed by every
     * parameter, sorted, and by the content key the request presented, so two keys never share
     * an entry and a request without one never meets an answer that was given to one.
     */
    static final String API = "/api/";

    /** The query parameter that may carry a content key instead of the Authorization header. */
    public static final String KEY_PARAMETER = "key";

    /**
     * Every query parameter any reader page reads: the page number of streams and of Go deeper
     * ({@code ReaderRoutes.pageNumber}). It holds for every path rather than per route, because
     * the handler runs before routing on the raw path; a path-by-path table there could disagree
     * with the router about an oddly encoded path and store one page under another's key. Pages
     * that ignore {@code page} only get an extra identical entry when a link adds it.
     */
    static final List<String> READ = List.of("page");

    private CacheKeys() {}

    /**
     * The key for a raw path and raw query string; null when the query cannot be decoded, so
     * the request is neither answered from nor stored in the cache.
     */
    static String of(String path, String query) {
        return of(path, query, null);
    }

    /**
     * The key for a raw path, raw query string and Authorization header (read only under
     * {@link #API}); null when the query cannot be decoded.
     */
    static String of(String path, String query, String authorization) {
        if (path.startsWith(API)) {
            return api(path, query, authorization);
        }
        if (query == null || query.isEmpty()) {
            return path;
        }
        String[] values = new String[READ.size()];
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                // Names are compared decoded, as the router reads them, so pa%67e=2 is page 2 here too.
                int index = READ.indexOf(decode(eq < 0 ? pair : pair.substring(0, eq)));
                // The router reads a parameter's first value.
                if (index >= 0 && values[index] == null) {
                    values[index] = eq < 0 ? "" : decode(pair.substring(eq + 1));
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        StringBuilder key = new StringBuilder(path);
        char separator = '?';
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                key.append(separator)
                        .append(READ.get(i))
                        .append('=')
                        .append(URLEncoder.encode(values[i], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return key.toString();
    }

    private static String api(String path, String query, String authorization) {
        TreeMap<String, String> first = new TreeMap<>();
        try {
            if (query != null && !query.isEmpty()) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    first.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        String presented = presentedKey(authorization, first.get(KEY_PARAMETER));
        first.remove(KEY_PARAMETER);
        StringBuilder key = new StringBuilder(path);
        char separator = '?';
        for (var parameter : first.entrySet()) {
            key.append(separator)
                    .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (presented != null) {
            // A digest, so the cache's keys (and a heap dump of them) do not hold the content keys themselves.
            key.append(" key:").append(sha256(presented));
        }
        return key.toString();
    }

    /**
     * The content key a request presents: the Authorization header's Bearer credential, else the
     * {@code key} query parameter (already decoded); null when it presents none. The content API
     * checks the key it reads here, and the cache keys answers by it, so the two always agree.
     */
    public static String presentedKey(String authorization, String keyParameter) {
        if (authorization != null) {
            String value = authorization.strip();
            if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return value.substring(7).strip();
            }
        }
        return keyParameter;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
