package org.lede.web.feed;

import org.lede.author.Author;
import org.lede.reading.Figure;
import org.lede.reading.StoryView;

/** Atom 1.0 (RFC 4287): the whole story as escaped HTML content, the dek as summary, the hero as an enclosure link. */
final class AtomWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomWriter() {}

    static String write(Feed feed, StoryHtml html) {
        Xml xml = new Xml()
                .start("feed")
                .defaultNamespace(ATOM)
                .element("id", feed.url(FeedFormat.ATOM))
                .start("title")
                .attribute("type", "text")
                .text(feed.title())
                .end()
                .start("subtitle")
                .attribute("type", "text")
                .text(feed.description())
                .end()
                .element("updated", feed.updated().toString())
                .start("link")
                .attribute("rel", "self")
                .attribute("type", FeedFormat.ATOM.mediaType())
                .attribute("href", feed.url(FeedFormat.ATOM))
                .end()
                .start("link")
                .attribute("rel", "alternate")
                .attribute("type", "text/html")
                .attribute("href", feed.absolute(feed.pagePath()))
                .end()
                // Entries name their own authors; the site stands for any entry without one, as RFC 4287 requires.
                .start("author")
                .element("name", feed.site().name())
                .element("uri", feed.absolute("/"))
                .end()
                .element("generator", Feed.GENERATOR);
        for (StoryView story : feed.stories()) {
            entry(xml, feed, story, html);
        }
        return xml.finish();
    }

    private static void entry(Xml xml, Feed feed, StoryView story, StoryHtml html) {
        xml.start("entry")
                .element("id", feed.id(story))
                .start("title")
                .attribute("type", "text")
                .text(story.headline())
                .end()
                .start("link")
                .attribute("rel", "alternate")
                .attribute("type", "text/html")
                .attribute("href", feed.absolute(story.url()))
                .end()
                .element("published", story.publishedAt().toString())
                // The time the page shows: the last substantive update, else the publication; a typo fix is no update.
                .element("updated", story.shownAt().toString());
        for (Author author : story.authors()) {
            xml.start("author")
                    .element("name", author.name())
                    .element("uri", feed.authorUrl(author))
                    .end();
        }
        for (String category : Feed.categories(story)) {
            xml.start("category").attribute("term", category).end();
        }
        if (story.dek() != null) {
            xml.start("summary").attribute("type", "text").text(story.dek()).end();
        }
        xml.start("content")
                .attribute("type", "html")
                .text(html.render(story, feed.site().baseUrl()))
                .end();
        Figure hero = story.hero();
        if (hero != null) {
            xml.start("link")
                    .attribute("rel", "enclosure")
                    .attribute("type", hero.mimeType())
                    .attribute("length", hero.byteSize())
                    .attribute("href", feed.absolute(hero.original()))
                    .attribute("title", hero.alt().isEmpty() ? null : hero.alt())
                    .end();
        }
        xml.end();
    }
}
