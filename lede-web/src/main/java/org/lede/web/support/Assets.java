package org.lede.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The site's stylesheet and script. Both are small, so pages carry them inline: one request
 * per page and nothing that blocks rendering.
 */
public final class Assets {
    public static final String CSS = read("site.css");
    public static final String TIME_JS = read("time.js");
    public static final String NEWSROOM_CSS = read("newsroom.css");
    public static final String FAVICON_SVG = read("favicon.svg");

    private Assets() {}

    private static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/org/lede/web/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing asset " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
