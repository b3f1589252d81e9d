package org.lede.web.feed;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lede.reading.Figure;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SitemapEntry;
import org.lede.reading.StoryView;
import org.lede.story.PublishedMonth;

/**
 * The sitemap index and its parts (https://www.sitemaps.org/protocol.html): stories by the UTC
 * month of their last publication, split into parts of at most {@link #MAX_URLS}; topics, authors,
 * dashboards and other pages; and a Google News sitemap of the last two days, with hero images.
 */
final class Sitemaps {
    /** The protocol's limit of URLs per file. */
    static final int MAX_URLS = 50_000;

    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String DIR = "/sitemaps/";
    static final String NEWS_FILE = "news.xml";

    private static final Pattern STORIES = Pattern.compile("stories-(\\d{4})-(\\d{2})(?:-([2-9]|[1-9]\\d+))?\\.xml");

    private enum Listing {
        PAGES("pages.xml"),
        TOPICS("topics.xml"),
        AUTHORS("authors.xml"),
        DASHBOARDS("dashboards.xml");

        final String file;

        Listing(String file) {
            this.file = file;
        }
    }

    private final ReaderQueries queries;
    private final int partSize;

    /** @param partSize the most URLs a story part holds: {@link #MAX_URLS}, or fewer to test the split */
    Sitemaps(ReaderQueries queries, int partSize) {
        this.queries = queries;
        this.partSize = partSize;
    }

    /** Every part with something in it, each with the time its newest entry changed. */
    String index() {
        Xml xml = new Xml().start("sitemapindex").defaultNamespace(SITEMAP);
        for (Listing listing : Listing.values()) {
            List<SitemapEntry> entries = entries(listing);
            if (!entries.isEmpty()) {
                indexEntry(xml, listing.file, newest(entries));
            }
        }
        for (PublishedMonth month : queries.sitemapMonths()) {
            int parts = (month.stories() + partSize - 1) / partSize;
            for (int part = 1; part <= parts; part++) {
                // A month's parts share its newest change: the one GROUP BY does not tell the parts apart.
                indexEntry(xml, storiesFile(month.month(), part), month.lastModified());
            }
        }
        List<StoryView> news = queries.newsStories();
        if (!news.isEmpty()) {
            indexEntry(
                    xml,
                    NEWS_FILE,
                    news.stream()
                            .map(StoryView::modifiedAt)
                            .max(Instant::compareTo)
                            .orElseThrow());
        }
        return xml.finish();
    }

    /** The part with this file name, or empty when there is no such part. */
    Optional<String> part(String file) {
        for (Listing listing : Listing.values()) {
            if (listing.file.equals(file)) {
                return Optional.of(urlset(entries(listing)));
            }
        }
        if (file.equals(NEWS_FILE)) {
            return Optional.of(news());
        }
        Matcher m = STORIES.matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        YearMonth month;
        try {
            month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        int part = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        List<SitemapEntry> entries = queries.sitemapStories(month, partSize, (part - 1) * partSize);
        return entries.isEmpty() ? Optional.empty() : Optional.of(urlset(entries));
    }

    /** The file of a month's part: the first has no number, so a month that never splits keeps one address. */
    static String storiesFile(YearMonth month, int part) {
        return "stories-" + month + (part == 1 ? "" : "-" + part) + ".xml";
    }

    private List<SitemapEntry> entries(Listing listing) {
        return switch (listing) {
            case PAGES -> queries.sitemapPages();
            case TOPICS -> queries.sitemapTopics();
            case AUTHORS -> queries.sitemapAuthors();
            case DASHBOARDS -> queries.sitemapDashboards();
        };
    }

    private String urlset(List<SitemapEntry> entries) {
        Xml xml = new Xml().start("urlset").defaultNamespace(SITEMAP);
        for (SitemapEntry entry : entries) {
            xml.start("url")
                    .element("loc", absolute(entry.path()))
                    .element("lastmod", w3c(entry.lastModified()))
                    .end();
        }
        return xml.finish();
    }

    private String news() {
        String name = queries.site().name();
        Xml xml = new Xml()
                .start("urlset")
                .defaultNamespace(SITEMAP)
                .namespace("news", NEWS)
                .namespace("image", IMAGE);
        for (StoryView story : queries.newsStories()) {
            xml.start("url")
                    .element("loc", absolute(story.url()))
                    .element("lastmod", w3c(story.modifiedAt()))
                    .start("news", "news", NEWS)
                    .start("news", "publication", NEWS)
                    .element("news", "name", NEWS, name)
                    .element("news", "language", NEWS, Feed.LANGUAGE)
                    .end()
                    .element("news", "publication_date", NEWS, w3c(story.publishedAt()))
                    .element("news", "title", NEWS, story.headline())
                    .end();
            Figure hero = story.hero();
            if (hero != null) {
                xml.start("image", "image", IMAGE)
                        .element("image", "loc", IMAGE, absolute(hero.original()))
                        .end();
            }
            xml.end();
        }
        return xml.finish();
    }

    private void indexEntry(Xml xml, String file, Instant lastModified) {
        xml.start("sitemap")
                .element("loc", absolute(DIR + file))
                .element("lastmod", w3c(lastModified))
                .end();
    }

    private String absolute(String path) {
        return queries.site().baseUrl() + path;
    }

    private static Instant newest(List<SitemapEntry> entries) {
        return entries.stream()
                .map(SitemapEntry::lastModified)
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /** W3C Datetime (https://www.w3.org/TR/NOTE-datetime) to the second, in UTC; null stays null. */
    static String w3c(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
