package org.lede.web.reader;

import java.util.List;
import org.lede.reading.PageLink;
import org.lede.reading.SiteSettings;
import org.lede.topic.Topic;
import org.lede.web.feed.FeedLink;

/**
 * What every reader page's frame needs: the site, its navigation and footer links, the page's
 * title, description and canonical address, and the feeds it announces. It holds no clock: a
 * page's bytes depend on its content alone (see {@link org.lede.reading.RelativeTime}).
 */
public record Page(
        SiteSettings site,
        List<Topic> topics,
        List<PageLink> footer,
        String title,
        String description,
        String canonical,
        String currentPath,
        List<FeedLink> feeds) {

    /** A page that announces the site's feeds. */
    public Page(
            SiteSettings site,
            List<Topic> topics,
            List<PageLink> footer,
            String title,
            String description,
            String canonical,
            String currentPath) {
        this(site, topics, footer, title, description, canonical, currentPath, FeedLink.site(site));
    }

    /** This page announcing these feeds instead. */
    public Page withFeeds(List<FeedLink> links) {
        return new Page(site, topics, footer, title, description, canonical, currentPath, links);
    }

    public String fullTitle() {
        return title == null ? site.name() : title + " | " + site.name();
    }

    public String absolute(String path) {
        return site.baseUrl() + path;
    }
}
