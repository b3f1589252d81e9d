package org.lede.web.cache;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The cache key of a request: its path and only the query parameters a reader page reads, so
 * {@code /?utm_source=a} and {@code /?utm_source=b} share one entry instead of each rendering
 * and filling the cache. {@link PageResponses} (storing) and {@link CachedPageHandler}
 * (answering, before any route is matched) both build keys here, so they always agree.
 */
final class CacheKeys {
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

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
