package org.lede.web.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lede.reading.Figure;
import org.lede.reading.StoryView;
import org.lede.web.support.Json;

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); dates in RFC 3339, members left out rather than null. */
final class JsonFeedWriter {
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private JsonFeedWriter() {}

    static String write(Feed feed, StoryHtml html) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.absolute(feed.pagePath()));
        root.put("feed_url", feed.url(FeedFormat.JSON));
        root.put("description", feed.description());
        root.put("language", Feed.LANGUAGE);
        List<Object> items = new ArrayList<>();
        for (StoryView story : feed.stories()) {
            items.add(item(feed, story, html));
        }
        root.put("items", items);
        return Json.write(root);
    }

    private static Map<String, Object> item(Feed feed, StoryView story, StoryHtml html) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", feed.id(story));
        item.put("url", feed.absolute(story.url()));
        item.put("title", story.headline());
        if (story.dek() != null) {
            item.put("summary", story.dek());
        }
        item.put("content_html", html.render(story, feed.site().baseUrl()));
        Figure hero = story.hero();
        if (hero != null) {
            item.put("image", feed.absolute(hero.original()));
        }
        item.put("date_published", story.publishedAt().toString());
        if (story.updated()) {
            item.put("date_modified", story.shownAt().toString());
        }
        if (!story.authors().isEmpty()) {
            item.put(
                    "authors",
                    story.authors().stream()
                            .map(a -> {
                                // In order: Map.of iterates in an order that differs from run to run,
                                // which would change the feed's bytes with nothing changed in it.
                                Map<String, Object> author = new LinkedHashMap<>();
                                author.put("name", a.name());
                                author.put("url", feed.authorUrl(a));
                                return author;
                            })
                            .toList());
        }
        List<String> tags = Feed.categories(story);
        if (!tags.isEmpty()) {
            item.put("tags", tags);
        }
        if (hero != null) {
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("url", feed.absolute(hero.original()));
            attachment.put("mime_type", hero.mimeType());
            if (!hero.alt().isEmpty()) {
                attachment.put("title", hero.alt());
            }
            attachment.put("size_in_bytes", hero.byteSize());
            item.put("attachments", List.of(attachment));
        }
        return item;
    }
}
