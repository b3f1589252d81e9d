package org.lede.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The site's stylesheets and scripts. All are small, so pages carry them inline: one request
 * per page and nothing that blocks rendering. Templates write each one whole between its tags,
 * so {@link SecurityHeaders} can allow exactly these texts by their hashes and no other inline
 * script or style.
 */
public final class Assets {
    public static final String CSS = read("site.css");
    public static final String TIME_JS = read("time.js");
    /** The story editor's live preview and checks. */
    public static final String EDITOR_JS = read("editor.js");
    /** The story editor's paste: structures what is pasted into the text, as {@code lede import text} does. */
    public static final String PASTE_JS = read("paste.js");
    /** The dashboard editor's story search. */
    public static final String DASHBOARD_JS = read("dashboard.js");

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
