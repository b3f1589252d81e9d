package org.lede.reading;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.lede.story.Story;
import org.lede.story.StreamCursor;

/** The reader site's addresses, in one place so pages, feeds and redirects agree. */
public final class Urls {
    private Urls() {}

    /** A story's dated address, dated by its first publication in the site's zone; null if never published. */
    public static String story(Story story, ZoneId zone) {
        return story(story.firstPublishedAt(), story.slug(), zone);
    }

    /** The dated address of a story first published at {@code firstPublishedAt} under this slug; null if never published. */
    public static String story(Instant firstPublishedAt, String slug, ZoneId zone) {
        if (firstPublishedAt == null) {
            return null;
        }
        ZonedDateTime day = firstPublishedAt.atZone(zone);
        return String.format("/%04d/%02d/%02d/%s", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), slug);
    }

    public static String topic(String slug) {
        return "/topics/" + slug;
    }

    public static String author(String slug) {
        return "/authors/" + slug;
    }

    public static String dashboard(String slug) {
        return "/dashboards/" + slug;
    }

    /** A site page's address: one segment, which is why its slug may not be a route's first segment. */
    public static String page(String slug) {
        return "/" + slug;
    }

    /**
     * The page of a stream (home {@code /}, a topic's or an author's) that starts after this
     * place: a path rather than a query, so a static host serves every page as a file.
     */
    public static String older(String streamPath, StreamCursor after) {
        return (streamPath.equals("/") ? "" : streamPath) + "/older/" + after.key();
    }

    public static String media(String mediaId, int width, String extension) {
        return "/media/" + mediaId + "/" + width + "." + extension;
    }
}
