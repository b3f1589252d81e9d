package org.lede.web.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.content.Subhead;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/** Every feed read by an independent parser, field by field, with text that needs escaping, over HTTP on both databases. */
class FeedsTest extends WebServerTest {
    static final String BASE = "https://news.example";
    static final String HEADLINE = "Fish & chips <b>\"cheap\"</b> 'now' — Ünïcødé 日本 ✓";
    static final String DEK = "Prices < costs & > hopes, \"quoted\" and 'apostrophed' — façade";
    static final String PARAGRAPH = "Vendors say <script>alert(1)</script> & more — naïve café";

    StoryService stories;
    Topic topic;
    Author ana;
    Author ben;
    Media hero;
    Media inset;
    Story story;

    @BeforeEach
    void publishAStoryWithEverything() {
        stories = web.newsroom.services.storyService();
        topic = web.newsroom.topic("food-drink", "Food & <Drink>");
        ana = web.newsroom.author("ana-ruiz", "Ana \"Ñ\" Ruiz");
        ben = web.newsroom.author("ben-okri", "Ben & Okri");
        hero = web.newsroom.image("A fryer & its <basket>");
        inset = web.newsroom.image("A queue outside the shop");
        List<Block> body = List.of(
                new Paragraph(Inline.of(
                        Span.plain(PARAGRAPH + " "),
                        Span.link("the market", "/topics/food-drink"),
                        Span.plain(" and "),
                        Span.link("elsewhere", "https://example.org/a?b=1&c=2"))),
                new LeadIn("Why it matters", Inline.plain("Fish is a staple.")),
                new ListBlock(
                        false,
                        List.of(
                                new ListItem("Cod", Inline.plain("dearer")),
                                new ListItem(null, Inline.plain("Hake & haddock")))),
                new Quote(Inline.plain("It's <dear>."), "A vendor"),
                new Subhead("What comes next"),
                new ImageBlock(inset.id(), "The queue at noon.", Credit.photo("Ben Okri", "Lede")),
                new Embed("https://video.example/watch?v=1&t=2"));
        StoryDraft draft = new StoryDraft(
                HEADLINE,
                DEK,
                null,
                topic.id(),
                List.of("seafood", "prices & wages"),
                StoryKind.NEWS,
                List.of(ana.id(), ben.id()),
                null,
                new ImageBlock(hero.id(), "The fryer at dawn & dusk.", Credit.photo("Ana Ruiz", "Lede")),
                body);
        Story created = stories.createDraft(Actor.SYSTEM, draft);
        story = stories.publish(Actor.SYSTEM, created.id(), created.revision());
    }

    String storyUrl() {
        return BASE + "/2026/11/20/" + story.slug();
    }

    String heroUrl() {
        return BASE + "/media/" + hero.id() + "/" + hero.width() + ".png";
    }

    static WireFeed parse(String xml) throws Exception {
        return new WireFeedInput().build(new StringReader(xml));
    }

    HttpResponse<String> fetch(String path, String type) {
        HttpResponse<String> response = web.get(path);
        assertEquals(200, response.statusCode(), path);
        assertEquals(
                type + ";charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""),
                path);
        return response;
    }

    Channel rss(String path) throws Exception {
        return (Channel) parse(fetch(path, "application/rss+xml").body());
    }

    com.rometools.rome.feed.atom.Feed atom(String path) throws Exception {
        return (com.rometools.rome.feed.atom.Feed)
                parse(fetch(path, "application/atom+xml").body());
    }

    JsonNode json(String path) throws Exception {
        return new ObjectMapper().readTree(fetch(path, "application/feed+json").body());
    }

    @Test
    void rssFeedsCarryEveryFieldOfTheStory() throws Exception {
        for (String base : List.of("", "/topics/food-drink", "/authors/ana-ruiz", "/authors/ben-okri")) {
            Channel channel = rss(base + "/rss.xml");
            assertEquals("rss_2.0", channel.getFeedType());
            assertEquals(BASE + (base.isEmpty() ? "/" : base), channel.getLink());
            assertEquals("en", channel.getLanguage());
            assertEquals(1, channel.getItems().size(), base);
            Item item = channel.getItems().getFirst();
            assertEquals(HEADLINE, item.getTitle());
            assertEquals(storyUrl(), item.getLink());
            assertFalse(item.getGuid().isPermaLink());
            assertEquals(
                    "tag:news.example,2026-11-20:story/" + story.id(),
                    item.getGuid().getValue());
            assertEquals(
                    Instant.parse("2026-11-20T12:00:00Z"), item.getPubDate().toInstant());
            assertEquals(DEK, item.getDescription().getValue());
            DCModule dc = (DCModule) item.getModule(DCModule.URI);
            assertEquals(List.of("Ana \"Ñ\" Ruiz", "Ben & Okri"), dc.getCreators());
            assertEquals(
                    List.of("Food & <Drink>", "seafood", "prices-wages"),
                    item.getCategories().stream().map(c -> c.getValue()).toList());
            assertEquals(1, item.getEnclosures().size());
            var enclosure = item.getEnclosures().getFirst();
            assertEquals(heroUrl(), enclosure.getUrl());
            assertEquals(hero.byteSize(), enclosure.getLength());
            assertTrue(hero.byteSize() > 0);
            assertEquals("image/png", enclosure.getType());
            MediaEntryModule media = (MediaEntryModule) item.getModule(MediaEntryModule.URI);
            MediaContent content = media.getMediaContents()[0];
            assertEquals(heroUrl(), content.getReference().toString());
            assertEquals("image/png", content.getType());
            assertEquals("image", content.getMedium());
            assertEquals(hero.byteSize(), content.getFileSize());
            assertEquals("Ana Ruiz/Lede", content.getMetadata().getCredits()[0].getName());
            assertEquals("The fryer at dawn & dusk.", content.getMetadata().getDescription());
            checkBody(item.getContent().getValue());
        }
        Channel site = rss("/rss.xml");
        assertEquals("Test Ledger", site.getTitle());
        assertEquals("News in brief.", site.getDescription());
        assertEquals(
                "Food & <Drink> | Test Ledger",
                rss("/topics/food-drink/rss.xml").getTitle());
        String raw = web.get("/rss.xml").body();
        assertTrue(
                raw.contains("<atom:link href=\"" + BASE + "/rss.xml\" rel=\"self\" type=\"application/rss+xml\""),
                raw);
        assertTrue(web.get("/topics/food-drink/rss.xml")
                .body()
                .contains("href=\"" + BASE + "/topics/food-drink/rss.xml\" rel=\"self\""));
    }

    /** The full story HTML: every block as clean markup, every address absolute, the text escaped once. */
    void checkBody(String html) {
        Document doc = Jsoup.parseBodyFragment(html, "");
        List<String> paragraphs = doc.select("body > p").eachText();
        assertTrue(paragraphs.getFirst().startsWith(PARAGRAPH), paragraphs.getFirst());
        assertTrue(doc.select("script").isEmpty(), html);
        assertEquals(
                BASE + "/topics/food-drink",
                doc.select("a:contains(the market)").attr("href"));
        assertEquals(
                "https://example.org/a?b=1&c=2",
                doc.select("a:contains(elsewhere)").attr("href"));
        assertEquals("Why it matters:", doc.select("p > strong").first().text());
        assertEquals(
                List.of("Cod: dearer", "Hake & haddock"), doc.select("ul > li").eachText());
        assertEquals("Cod:", doc.select("ul > li > strong").text());
        assertTrue(doc.select("blockquote").text().contains("It's <dear>."));
        assertTrue(doc.select("blockquote").text().contains("A vendor"));
        assertEquals("What comes next", doc.select("h2").text());
        Element figure = doc.selectFirst("figure");
        assertNotNull(figure, html);
        assertEquals(
                BASE + "/media/" + inset.id() + "/" + inset.width() + ".png",
                figure.selectFirst("img").attr("src"));
        assertEquals("A queue outside the shop", figure.selectFirst("img").attr("alt"));
        assertEquals(
                "The queue at noon. Photo: Ben Okri/Lede",
                figure.selectFirst("figcaption").text());
        assertEquals(
                "https://video.example/watch?v=1&t=2",
                doc.select("a:contains(video.example)").attr("href"));
        for (Element link : doc.select("[href], [src]")) {
            String address = link.hasAttr("href") ? link.attr("href") : link.attr("src");
            assertTrue(address.startsWith("https://"), "not absolute: " + address);
        }
    }

    @Test
    void atomFeedsCarryEveryFieldOfTheStory() throws Exception {
        for (String base : List.of("", "/topics/food-drink", "/authors/ana-ruiz")) {
            var feed = atom(base + "/atom.xml");
            assertEquals("atom_1.0", feed.getFeedType());
            assertEquals(BASE + base + "/atom.xml", feed.getId());
            assertEquals(
                    BASE + base + "/atom.xml",
                    link(feed.getOtherLinks(), "self").getHref());
            assertEquals(
                    BASE + (base.isEmpty() ? "/" : base),
                    feed.getAlternateLinks().getFirst().getHref());
            assertEquals(
                    Instant.parse("2026-11-20T12:00:00Z"), feed.getUpdated().toInstant());
            assertEquals(1, feed.getEntries().size());
            Entry entry = feed.getEntries().getFirst();
            assertEquals("tag:news.example,2026-11-20:story/" + story.id(), entry.getId());
            assertEquals(HEADLINE, entry.getTitleEx().getValue());
            assertEquals(storyUrl(), entry.getAlternateLinks().getFirst().getHref());
            assertEquals(
                    Instant.parse("2026-11-20T12:00:00Z"), entry.getPublished().toInstant());
            assertEquals(
                    Instant.parse("2026-11-20T12:00:00Z"), entry.getUpdated().toInstant());
            List<SyndPerson> authors = entry.getAuthors();
            assertEquals(
                    List.of("Ana \"Ñ\" Ruiz", "Ben & Okri"),
                    authors.stream().map(SyndPerson::getName).toList());
            assertEquals(BASE + "/authors/ana-ruiz", authors.getFirst().getUri());
            assertEquals(
                    List.of("Food & <Drink>", "seafood", "prices-wages"),
                    entry.getCategories().stream().map(c -> c.getTerm()).toList());
            assertEquals(DEK, entry.getSummary().getValue());
            assertEquals("text", entry.getSummary().getType());
            assertEquals("html", entry.getContents().getFirst().getType());
            checkBody(entry.getContents().getFirst().getValue());
            Link enclosure = link(entry.getOtherLinks(), "enclosure");
            assertEquals(heroUrl(), enclosure.getHref());
            assertEquals(hero.byteSize(), enclosure.getLength());
            assertEquals("image/png", enclosure.getType());
        }
    }

    static Link link(List<Link> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).findFirst().orElseThrow();
    }

    @Test
    void jsonFeedsFollowVersionOnePointOne() throws Exception {
        for (String base : List.of("", "/topics/food-drink", "/authors/ben-okri")) {
            JsonNode feed = json(base + "/feed.json");
            assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
            assertFalse(feed.get("title").asText().isEmpty());
            assertEquals(
                    BASE + (base.isEmpty() ? "/" : base),
                    feed.get("home_page_url").asText());
            assertEquals(BASE + base + "/feed.json", feed.get("feed_url").asText());
            assertEquals(1, feed.get("items").size());
            JsonNode item = feed.get("items").get(0);
            assertTrue(item.get("id").isTextual());
            assertEquals(
                    "tag:news.example,2026-11-20:story/" + story.id(),
                    item.get("id").asText());
            assertEquals(storyUrl(), item.get("url").asText());
            assertEquals(HEADLINE, item.get("title").asText());
            assertEquals(DEK, item.get("summary").asText());
            checkBody(item.get("content_html").asText());
            assertEquals(heroUrl(), item.get("image").asText());
            assertEquals(
                    Instant.parse("2026-11-20T12:00:00Z"),
                    rfc3339(item.get("date_published").asText()));
            assertFalse(item.has("date_modified"));
            assertEquals(
                    "Ana \"Ñ\" Ruiz", item.get("authors").get(0).get("name").asText());
            assertEquals(
                    BASE + "/authors/ana-ruiz",
                    item.get("authors").get(0).get("url").asText());
            // Members in one order on every run, so an unchanged feed keeps its bytes (ETag, static copies).
            assertTrue(
                    fetch(base + "/feed.json", "application/feed+json")
                            .body()
                            .contains("\"authors\":[{\"name\":\"Ana \\\"Ñ\\\" Ruiz\",\"url\":\"" + BASE
                                    + "/authors/ana-ruiz\"}"),
                    "authors as name, then url");
            List<String> tags = new ArrayList<>();
            item.get("tags").forEach(t -> tags.add(t.asText()));
            assertEquals(List.of("Food & <Drink>", "seafood", "prices-wages"), tags);
            JsonNode attachment = item.get("attachments").get(0);
            assertEquals(heroUrl(), attachment.get("url").asText());
            assertEquals("image/png", attachment.get("mime_type").asText());
            assertEquals(hero.byteSize(), attachment.get("size_in_bytes").asLong());
            // The spec: no member is null; an absent value is left out.
            feed.get("items")
                    .forEach(i ->
                            i.properties().forEach(e -> assertFalse(e.getValue().isNull(), e.getKey())));
        }
    }

    static Instant rfc3339(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
    }

    @Test
    void onlyASubstantiveUpdateShowsAsUpdated() throws Exception {
        web.newsroom.clock.advance(Duration.ofHours(1));
        Story minor = stories.update(
                Actor.SYSTEM,
                story.id(),
                story.revision(),
                story.draft().withHeadline("A typo fixed"),
                UpdateKind.MINOR);
        web.catchUp();
        assertEquals("A typo fixed", rss("/rss.xml").getItems().getFirst().getTitle());
        assertFalse(web.get("/rss.xml").body().contains("<atom:updated>"));
        assertEquals(
                Instant.parse("2026-11-20T12:00:00Z"),
                atom("/atom.xml").getEntries().getFirst().getUpdated().toInstant());
        assertFalse(json("/feed.json").get("items").get(0).has("date_modified"));

        web.newsroom.clock.advance(Duration.ofHours(1));
        stories.update(
                Actor.SYSTEM,
                story.id(),
                minor.revision(),
                minor.draft().withHeadline("New facts"),
                UpdateKind.SUBSTANTIVE);
        web.catchUp();
        Instant updated = Instant.parse("2026-11-20T14:00:00Z");
        assertTrue(web.get("/rss.xml").body().contains("<atom:updated>2026-11-20T14:00:00Z</atom:updated>"));
        Entry entry = atom("/atom.xml").getEntries().getFirst();
        assertEquals(updated, entry.getUpdated().toInstant());
        assertEquals(Instant.parse("2026-11-20T12:00:00Z"), entry.getPublished().toInstant());
        JsonNode item = json("/feed.json").get("items").get(0);
        assertEquals(updated, rfc3339(item.get("date_modified").asText()));
        assertEquals(
                Instant.parse("2026-11-20T12:00:00Z"),
                rfc3339(item.get("date_published").asText()));
    }

    @Test
    void aPublishPurgesTheCachedFeeds() throws Exception {
        for (String path : List.of("/rss.xml", "/topics/food-drink/atom.xml", "/authors/ana-ruiz/feed.json")) {
            assertFalse(web.get(path).body().contains("Second helping"));
        }
        web.newsroom.clock.advance(Duration.ofMinutes(1).minusSeconds(1));
        Story second = stories.createDraft(
                Actor.SYSTEM, story.draft().withHeadline("Second helping").withSlug(null));
        stories.publish(Actor.SYSTEM, second.id(), second.revision());
        web.catchUp();
        assertEquals("Second helping", rss("/rss.xml").getItems().getFirst().getTitle());
        assertEquals(
                "Second helping",
                atom("/topics/food-drink/atom.xml")
                        .getEntries()
                        .getFirst()
                        .getTitleEx()
                        .getValue());
        assertEquals(
                "Second helping",
                json("/authors/ana-ruiz/feed.json")
                        .get("items")
                        .get(0)
                        .get("title")
                        .asText());
    }

    @Test
    void feedsAnswerConditionalRequestsWith304() {
        for (String path : List.of(
                "/rss.xml", "/atom.xml", "/feed.json", "/topics/food-drink/rss.xml", "/authors/ana-ruiz/atom.xml")) {
            // The first answer is rendered through Javalin, the rest come from the cache handler.
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> first = web.get(path);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertTrue(first.headers()
                        .firstValue("Surrogate-Key")
                        .orElseThrow()
                        .contains("story:" + story.id()));
                assertEquals(304, web.get(path, "If-None-Match", etag).statusCode(), path);
                assertEquals(
                        304,
                        web.get(
                                        path,
                                        "If-Modified-Since",
                                        first.headers()
                                                .firstValue("Last-Modified")
                                                .orElseThrow())
                                .statusCode());
                assertEquals(200, web.get(path, "If-None-Match", "W/\"other\"").statusCode());
            }
        }
    }

    @Test
    void feedsCarryTheNewestFifty() throws Exception {
        for (int i = 1; i <= 50; i++) {
            web.newsroom.clock.advance(Duration.ofMinutes(1));
            Story s = stories.createDraft(
                    Actor.SYSTEM, story.draft().withHeadline("Story " + i).withSlug(null));
            stories.publish(Actor.SYSTEM, s.id(), s.revision());
        }
        web.catchUp();
        List<Item> items = rss("/rss.xml").getItems();
        assertEquals(50, items.size());
        assertEquals("Story 50", items.getFirst().getTitle());
        assertEquals("Story 1", items.getLast().getTitle());
        assertEquals(50, atom("/topics/food-drink/atom.xml").getEntries().size());
        assertEquals(50, json("/authors/ana-ruiz/feed.json").get("items").size());
    }

    @Test
    void feedAddressesRedirectOrAnswerMissing() {
        HttpResponse<String> feed = web.get("/feed");
        assertEquals(301, feed.statusCode());
        assertEquals("/rss.xml", feed.headers().firstValue("Location").orElseThrow());
        assertEquals(404, web.get("/topics/no-such-topic/rss.xml").statusCode());
        assertEquals(404, web.get("/authors/nobody/feed.json").statusCode());
    }

    @Test
    void pagesAnnounceTheirFeedsAndEachAnnouncedFeedAnswers() {
        assertEquals(List.of(BASE + "/rss.xml", BASE + "/atom.xml", BASE + "/feed.json"), alternates("/"));
        assertEquals(
                List.of(
                        BASE + "/topics/food-drink/rss.xml",
                        BASE + "/topics/food-drink/atom.xml",
                        BASE + "/topics/food-drink/feed.json",
                        BASE + "/rss.xml",
                        BASE + "/atom.xml",
                        BASE + "/feed.json"),
                alternates("/topics/food-drink"));
        assertEquals(
                List.of(
                        BASE + "/authors/ana-ruiz/rss.xml",
                        BASE + "/authors/ana-ruiz/atom.xml",
                        BASE + "/authors/ana-ruiz/feed.json",
                        BASE + "/rss.xml",
                        BASE + "/atom.xml",
                        BASE + "/feed.json"),
                alternates("/authors/ana-ruiz"));
        assertEquals(
                List.of(
                        BASE + "/rss.xml",
                        BASE + "/atom.xml",
                        BASE + "/feed.json",
                        BASE + "/topics/food-drink/rss.xml",
                        BASE + "/topics/food-drink/atom.xml",
                        BASE + "/topics/food-drink/feed.json"),
                alternates("/2026/11/20/" + story.slug()));
        Document home = Jsoup.parse(web.get("/").body());
        for (Element link : home.select("link[rel=alternate]")) {
            String path = link.attr("href").substring(BASE.length());
            assertEquals(
                    link.attr("type") + ";charset=utf-8",
                    web.get(path)
                            .headers()
                            .firstValue("Content-Type")
                            .orElseThrow()
                            .replace(" ", ""));
            assertTrue(link.attr("title").startsWith("Test Ledger ("), link.attr("title"));
        }
    }

    List<String> alternates(String path) {
        HttpResponse<String> page = web.get(path);
        assertEquals(200, page.statusCode(), path);
        return Jsoup.parse(page.body()).select("head link[rel=alternate]").eachAttr("href");
    }

    @Test
    void withdrawnStoriesLeaveTheFeeds() throws Exception {
        rss("/rss.xml");
        stories.unpublish(Actor.SYSTEM, story.id(), story.revision());
        web.catchUp();
        assertTrue(rss("/rss.xml").getItems().isEmpty());
        var feed = atom("/atom.xml");
        assertTrue(feed.getEntries().isEmpty());
        assertNull(json("/feed.json").get("items").get(0));
    }
}
