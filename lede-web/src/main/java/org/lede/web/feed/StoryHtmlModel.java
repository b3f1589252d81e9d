package org.lede.web.feed;

import java.net.URI;
import org.lede.reading.StoryView;

/**
 * What the story body template for feeds and the API reads: the story and the site's base URL,
 * against which every address it prints is made absolute, since a feed reader or API client
 * shows the HTML away from the site.
 */
public record StoryHtmlModel(StoryView story, String baseUrl) {
    /** The address resolved against the site, so {@code /2026/...} and {@code /media/...} work anywhere. */
    public String absolute(String url) {
        try {
            return URI.create(baseUrl + "/").resolve(url).toString();
        } catch (IllegalArgumentException e) {
            // An address URI cannot read is printed as the author wrote it; escaping keeps it inert.
            return url;
        }
    }
}
