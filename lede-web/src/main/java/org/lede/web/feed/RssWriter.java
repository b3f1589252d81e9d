package org.lede.web.feed;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lede.author.Author;
import org.lede.reading.Figure;
import org.lede.reading.StoryView;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the extensions readers look for:
 * {@code atom:link rel="self"}, {@code content:encoded} for the whole story, {@code dc:creator}
 * per author and Media RSS for the hero with its credit.
 */
final class RssWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    /** RFC 822 dates, with the four-digit year the RSS specification asks for, in GMT. */
    static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private RssWriter() {}

    static String write(Feed feed, StoryHtml html) {
        Xml xml = new Xml()
                .start("rss")
                .attribute("version", "2.0")
                .namespace("atom", ATOM)
                .namespace("content", CONTENT)
                .namespace("dc", DC)
                .namespace("media", MEDIA)
                .start("channel")
                .element("title", feed.title())
                .element("link", feed.absolute(feed.pagePath()))
                .element("description", feed.description())
                .element("language", Feed.LANGUAGE)
                .element("lastBuildDate", RFC_822.format(feed.updated()))
                .element("generator", Feed.GENERATOR)
                .start("atom", "link", ATOM)
                .attribute("href", feed.url(FeedFormat.RSS))
                .attribute("rel", "self")
                .attribute("type", FeedFormat.RSS.mediaType())
                .end();
        for (StoryView story : feed.stories()) {
            item(xml, feed, story, html);
        }
        return xml.finish();
    }

    private static void item(Xml xml, Feed feed, StoryView story, StoryHtml html) {
        xml.start("item")
                .element("title", story.headline())
                .element("link", feed.absolute(story.url()))
                .start("guid")
                .attribute("isPermaLink", "false")
                .text(feed.id(story))
                .end()
                .element("pubDate", RFC_822.format(story.publishedAt()));
        if (story.updated()) {
            // RSS has no update date; Atom's, namespaced, is what readers that show one look for.
            xml.element("atom", "updated", ATOM, story.shownAt().toString());
        }
        for (Author author : story.authors()) {
            xml.element("dc", "creator", DC, author.name());
        }
        for (String category : Feed.categories(story)) {
            xml.element("category", category);
        }
        xml.element("description", story.dek());
        xml.element(
                "content", "encoded", CONTENT, html.render(story, feed.site().baseUrl()));
        Figure hero = story.hero();
        if (hero != null) {
            String url = feed.absolute(hero.original());
            xml.start("enclosure")
                    .attribute("url", url)
                    .attribute("length", hero.byteSize())
                    .attribute("type", hero.mimeType())
                    .end();
            xml.start("media", "content", MEDIA)
                    .attribute("url", url)
                    .attribute("type", hero.mimeType())
                    .attribute("medium", "image")
                    .attribute("fileSize", hero.byteSize())
                    .attribute("width", hero.width())
                    .attribute("height", hero.height());
            if (hero.creditText() != null) {
                xml.element("media", "credit", MEDIA, hero.creditText());
            }
            String description = hero.caption() != null ? hero.caption() : hero.alt();
            if (description != null && !description.isEmpty()) {
                xml.start("media", "description", MEDIA)
                        .attribute("type", "plain")
                        .text(description)
                        .end();
            }
            xml.end();
        }
        xml.end();
    }
}
