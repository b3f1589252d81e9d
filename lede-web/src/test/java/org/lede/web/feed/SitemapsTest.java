package org.lede.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.story.Story;
import org.lede.story.StoryService;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The sitemap index, its parts and the news sitemap, read with a namespace-aware XML parser, on both databases. */
class SitemapsTest extends WebServerTest {
    static final String BASE = "https://news.example";
    static final String SM = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
    /** W3C Datetime to the second with a zone, as the sitemap protocol and Google News read it. */
    static final Pattern W3C = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    static final String HEADLINE = "Tides & <surges> \"rise\" 'again' — Ünïcødé 日本";

    StoryService stories;

    @BeforeEach
    void setUp() {
        stories = web.newsroom.services.storyService();
    }

    Story publishAt(String instant, String headline) {
        web.newsroom.clock.set(Instant.parse(instant));
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft(headline));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    Document fetch(String path) throws Exception {
        HttpResponse<String> response = web.get(path);
        assertEquals(200, response.statusCode(), path);
        assertEquals(
                "application/xml;charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        return parse(response.body());
    }

    /** Each child element's loc and lastmod, checking both are there and well-formed. */
    static List<String[]> entries(Document doc, String root, String entry) {
        Element top = doc.getDocumentElement();
        assertEquals(SM, top.getNamespaceURI());
        assertEquals(root, top.getLocalName());
        NodeList nodes = top.getElementsByTagNameNS(SM, entry);
        assertTrue(nodes.getLength() <= Sitemaps.MAX_URLS);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String loc = e.getElementsByTagNameNS(SM, "loc").item(0).getTextContent();
            String lastmod = e.getElementsByTagNameNS(SM, "lastmod").item(0).getTextContent();
            assertTrue(loc.startsWith(BASE + "/"), loc);
            assertTrue(W3C.matcher(lastmod).matches(), lastmod);
            out.add(new String[] {loc, lastmod});
        }
        return out;
    }

    static List<String> locs(List<String[]> entries) {
        return entries.stream().map(e -> e[0]).toList();
    }

    @Test
    void theIndexListsEveryPartAndEveryPartAnswers() throws Exception {
        Story october = publishAt("2026-10-05T08:00:00Z", "October story");
        Story november = publishAt("2026-11-20T09:30:00Z", HEADLINE);
        web.newsroom.clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        List<String[]> index = entries(fetch("/sitemap.xml"), "sitemapindex", "sitemap");
        assertEquals(
                List.of(
                        BASE + "/sitemaps/pages.xml",
                        BASE + "/sitemaps/topics.xml",
                        BASE + "/sitemaps/authors.xml",
                        BASE + "/sitemaps/stories-2026-11.xml",
                        BASE + "/sitemaps/stories-2026-10.xml",
                        BASE + "/sitemaps/news.xml"),
                locs(index));
        assertEquals("2026-11-20T09:30:00Z", index.get(3)[1]);
        assertEquals("2026-10-05T08:00:00Z", index.get(4)[1]);
        List<String> all = new ArrayList<>();
        for (String[] part : index) {
            String path = part[0].substring(BASE.length());
            if (!path.endsWith("news.xml")) {
                all.addAll(locs(entries(fetch(path), "urlset", "url")));
            }
        }
        assertTrue(all.contains(BASE + "/"));
        assertTrue(all.contains(BASE + "/2026/10/05/" + october.slug()));
        assertTrue(all.contains(BASE + "/2026/11/20/" + november.slug()));
        assertEquals(
                List.of(BASE + "/2026/11/20/" + november.slug()),
                locs(entries(fetch("/sitemaps/stories-2026-11.xml"), "urlset", "url")));
        List<String[]> topics = entries(fetch("/sitemaps/topics.xml"), "urlset", "url");
        assertEquals(2, topics.size());
        assertEquals(2, entries(fetch("/sitemaps/authors.xml"), "urlset", "url").size());
        assertEquals(404, web.get("/sitemaps/stories-2026-09.xml").statusCode());
        assertEquals(404, web.get("/sitemaps/stories-2026-11-2.xml").statusCode());
        assertEquals(404, web.get("/sitemaps/stories-2026-11-1.xml").statusCode());
        assertEquals(404, web.get("/sitemaps/stories-2026-13.xml").statusCode());
        assertEquals(404, web.get("/sitemaps/other.xml").statusCode());
    }

    @Test
    void aMonthOverTheLimitSplitsIntoNumberedParts() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Story s = publishAt("2026-11-0" + (i + 1) + "T10:00:00Z", "Story " + i);
            expected.add(BASE + "/2026/11/0" + (i + 1) + "/" + s.slug());
        }
        var services = web.newsroom.services;
        ReaderQueries reader =
                services.readerQueries(new SiteSettings("Test Ledger", "News in brief.", BASE, ZoneId.of("UTC")));
        Sitemaps sitemaps = new Sitemaps(reader, 2);
        List<String> parts = locs(entries(parse(sitemaps.index()), "sitemapindex", "sitemap")).stream()
                .filter(l -> l.contains("/stories-"))
                .toList();
        assertEquals(
                List.of(
                        BASE + "/sitemaps/stories-2026-11.xml",
                        BASE + "/sitemaps/stories-2026-11-2.xml",
                        BASE + "/sitemaps/stories-2026-11-3.xml"),
                parts);
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String part : parts) {
            String file = part.substring((BASE + "/sitemaps/").length());
            List<String> locs = locs(entries(parse(sitemaps.part(file).orElseThrow()), "urlset", "url"));
            sizes.add(locs.size());
            seen.addAll(locs);
        }
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(expected, seen);
        assertTrue(sitemaps.part("stories-2026-11-4.xml").isEmpty());
        // Served with the protocol's limit, the same month is one part.
        assertEquals(
                5,
                entries(fetch("/sitemaps/stories-2026-11.xml"), "urlset", "url").size());
        assertEquals(404, web.get("/sitemaps/stories-2026-11-2.xml").statusCode());
    }

    @Test
    void theNewsSitemapHoldsTheLastTwoDaysWithTitlesEscapedOnce() throws Exception {
        publishAt("2026-11-18T11:00:00Z", "Three days old");
        Story fresh = publishAt("2026-11-20T09:30:00Z", HEADLINE);
        web.newsroom.clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        Document doc = fetch("/sitemaps/news.xml");
        List<String[]> urls = entries(doc, "urlset", "url");
        assertEquals(List.of(BASE + "/2026/11/20/" + fresh.slug()), locs(urls));
        Element news = (Element) doc.getElementsByTagNameNS(NEWS, "news").item(0);
        Element publication =
                (Element) news.getElementsByTagNameNS(NEWS, "publication").item(0);
        assertEquals(
                "Test Ledger",
                publication.getElementsByTagNameNS(NEWS, "name").item(0).getTextContent());
        assertEquals(
                "en",
                publication.getElementsByTagNameNS(NEWS, "language").item(0).getTextContent());
        String date =
                news.getElementsByTagNameNS(NEWS, "publication_date").item(0).getTextContent();
        assertEquals("2026-11-20T09:30:00Z", date);
        assertTrue(W3C.matcher(date).matches());
        assertEquals(
                HEADLINE, news.getElementsByTagNameNS(NEWS, "title").item(0).getTextContent());
        Element image = (Element) doc.getElementsByTagNameNS(IMAGE, "image").item(0);
        String imageLoc = image.getElementsByTagNameNS(IMAGE, "loc").item(0).getTextContent();
        assertTrue(imageLoc.startsWith(BASE + "/media/" + fresh.draft().hero().mediaId() + "/"), imageLoc);

        // Two days after its publication it is no longer news; the cached copy expires within a minute.
        web.newsroom.clock.set(Instant.parse("2026-11-22T09:30:01Z"));
        assertTrue(entries(fetch("/sitemaps/news.xml"), "urlset", "url").isEmpty());
        assertFalse(
                locs(entries(fetch("/sitemap.xml"), "sitemapindex", "sitemap")).contains(BASE + "/sitemaps/news.xml"));
    }

    @Test
    void aPublishPurgesTheCachedSitemapsAndConditionalRequestsGet304() throws Exception {
        publishAt("2026-11-20T09:00:00Z", "First");
        for (String path : List.of("/sitemap.xml", "/sitemaps/stories-2026-11.xml", "/sitemaps/news.xml")) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> first = web.get(path);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertEquals(304, web.get(path, "If-None-Match", etag).statusCode(), path);
            }
        }
        web.newsroom.clock.advance(Duration.ofSeconds(30));
        Story second = publishAt("2026-11-20T09:00:30Z", "Second");
        web.catchUp();
        String url = BASE + "/2026/11/20/" + second.slug();
        assertTrue(locs(entries(fetch("/sitemaps/stories-2026-11.xml"), "urlset", "url"))
                .contains(url));
        assertTrue(locs(entries(fetch("/sitemaps/news.xml"), "urlset", "url")).contains(url));
        assertEquals(
                "2026-11-20T09:00:30Z",
                entries(fetch("/sitemap.xml"), "sitemapindex", "sitemap").getFirst()[1]);
    }

    @Test
    void robotsTxtNamesTheIndex() {
        assertTrue(web.get("/robots.txt").body().contains("\nSitemap: " + BASE + "/sitemap.xml\n"));
    }

    @Test
    void anEmptySiteHasAnIndexOfItsHomePage() throws Exception {
        Document doc = fetch("/sitemap.xml");
        NodeList parts = doc.getElementsByTagNameNS(SM, "sitemap");
        assertEquals(1, parts.getLength());
        Document pages = fetch("/sitemaps/pages.xml");
        assertEquals(BASE + "/", pages.getElementsByTagNameNS(SM, "loc").item(0).getTextContent());
    }
}
