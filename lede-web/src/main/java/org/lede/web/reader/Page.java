package org.lede.web.reader;

import java.time.Instant;
import java.util.List;
import org.lede.reading.PageLink;
import org.lede.reading.SiteSettings;
import org.lede.topic.Topic;

/**
 * What every reader page's frame needs: the site, its navigation and footer links, the page's
 * title, description and canonical address, and the time the page was rendered (relative times
 * count from it).
 */
public record Page(
        SiteSettings site,
        List<Topic> topics,
        List<PageLink> footer,
        String title,
        String description,
        String canonical,
        String currentPath,
        Instant now) {

    public String fullTitle() {
        return title == null ? site.name() : title + " | " + site.name();
    }

    public String absolute(String path) {
        return site.baseUrl() + path;
    }
}
