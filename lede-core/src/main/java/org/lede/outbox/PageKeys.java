package org.lede.outbox;

/**
 * Surrogate keys: names for the sets of reader pages that show a thing. A page carries the keys
 * of everything it shows; an event carries the keys of everything it changed; a cache evicts a
 * page when the two meet. The same names go to a CDN in the {@code Surrogate-Key} header.
 */
public final class PageKeys {
    /** The home page and its stream. */
    public static final String HOME = "home";
    /** Every page: for rare changes that show everywhere, such as a topic's name in the navigation. */
    public static final String ALL = "all";

    /**
     * The footer, which links the published site pages. Every reader page shows it, so it is the
     * key of every page.
     */
    public static final String FOOTER = ALL;

    private PageKeys() {}

    public static String story(String id) {
        return "story:" + id;
    }

    public static String topic(String slug) {
        return "topic:" + slug;
    }

    public static String author(String slug) {
        return "author:" + slug;
    }

    public static String dashboard(String slug) {
        return "dashboard:" + slug;
    }

    /** A site page at {@code /{slug}}, such as About. */
    public static String page(String slug) {
        return "page:" + slug;
    }
}
