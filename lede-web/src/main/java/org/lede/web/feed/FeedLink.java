package org.lede.web.feed;

import java.util.ArrayList;
import java.util.List;
import org.lede.reading.SiteSettings;
import org.lede.reading.Urls;

/**
 * A feed as a page announces it in {@code <link rel="alternate">}, so readers and browsers find it.
 *
 * @param href absolute: feed readers resolve a discovered feed without the page's base
 */
public record FeedLink(String type, String title, String href) {
    /** The site's feeds, in every format. */
    public static List<FeedLink> site(SiteSettings site) {
        return of(site, site.name(), "");
    }

    /** A topic page's own feeds, then the site's. */
    public static List<FeedLink> topic(SiteSettings site, String slug, String name) {
        return withSite(site, of(site, name + " | " + site.name(), Urls.topic(slug)));
    }

    /** An author page's own feeds, then the site's. */
    public static List<FeedLink> author(SiteSettings site, String slug, String name) {
        return withSite(site, of(site, name + " | " + site.name(), Urls.author(slug)));
    }

    /** A story page's feeds: the site's, then its topic's when it has one. */
    public static List<FeedLink> story(SiteSettings site, String topicSlug, String topicName) {
        List<FeedLink> links = new ArrayList<>(site(site));
        if (topicSlug != null) {
            links.addAll(of(site, topicName + " | " + site.name(), Urls.topic(topicSlug)));
        }
        return List.copyOf(links);
    }

    private static List<FeedLink> withSite(SiteSettings site, List<FeedLink> own) {
        List<FeedLink> links = new ArrayList<>(own);
        links.addAll(site(site));
        return List.copyOf(links);
    }

    private static List<FeedLink> of(SiteSettings site, String title, String basePath) {
        List<FeedLink> links = new ArrayList<>();
        for (FeedFormat format : FeedFormat.values()) {
            links.add(new FeedLink(
                    format.mediaType(),
                    title + " (" + format.label() + ")",
                    site.baseUrl() + basePath + "/" + format.file()));
        }
        return links;
    }
}
