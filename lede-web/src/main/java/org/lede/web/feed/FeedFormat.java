package org.lede.web.feed;

/** The three feed formats, each at its own file name under the site, a topic or an author. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml", "RSS"),
    ATOM("atom.xml", "application/atom+xml", "Atom"),
    JSON("feed.json", "application/feed+json", "JSON Feed");

    private final String file;
    private final String mediaType;
    private final String label;

    FeedFormat(String file, String mediaType, String label) {
        this.file = file;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The file name after the feed's base path, such as {@code rss.xml}. */
    public String file() {
        return file;
    }

    /** The media type without parameters, as a page's {@code <link rel="alternate">} names it. */
    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type the feed is sent with: every text type says its charset. */
    public String contentType() {
        return mediaType + ";charset=utf-8";
    }

    public String label() {
        return label;
    }
}
