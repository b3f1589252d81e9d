package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/**
 * The schema.org data of every reader page, read back as a crawler reads it: each JSON-LD block
 * parsed from the HTML, checked field by field, and expanded by an independent JSON-LD processor
 * against a local copy of the schema.org terms we use, so a misspelt property or type fails.
 */
class StructuredDataTest extends WebServerTest {
    private static final String BASE = "https://news.example";
    private static final String SCHEMA = "http://schema.org/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADLINE =
            "Council says \"yes\" </script><script>alert('x')</script> to Zürich’s tram & 電車 🚋";

    StoryService stories;
    Topic politics;
    Author dana;

    @BeforeEach
    void setUp() {
        stories = web.newsroom.services.storyService();
        politics = web.newsroom.topic("politics", "Politics & Policy");
        dana = web.newsroom.author("dana-wells", "Dana Wells");
    }

    private Story publish(String headline, Topic topic) {
        StoryDraft base = web.newsroom.publishableDraft(headline);
        Story created = stories.createDraft(
                Actor.SYSTEM,
                new StoryDraft(
                        base.headline(),
                        "A dek with <b>markup</b> & “quotes”.",
                        null,
                        topic == null ? null : topic.id(),
                        List.of("transit", "harbor"),
                        base.kind(),
                        List.of(dana.id()),
                        null,
                        base.hero(),
                        base.body()));
        return stories.publish(Actor.SYSTEM, created.id(), created.revision());
    }

    private static String url(Story story) {
        return "/2026/11/20/" + story.slug();
    }

    @Test
    void storyCarriesItsNewsArticleWithCorrectionsAndItsBreadcrumbs() throws Exception {
        Story story = publish(HEADLINE, politics);
        web.newsroom.clock.advance(Duration.ofHours(2));
        Story corrected = stories.addCorrection(
                Actor.SYSTEM, story.id(), story.revision(), "An earlier version misnamed the <mayor> & council.");
        Instant correctedAt = web.newsroom.clock.instant();
        web.catchUp();

        String html = web.get(url(story)).body();
        List<JsonNode> blocks = blocks(html);
        assertEquals(2, blocks.size(), html);
        JsonNode article = blocks.get(0);
        assertEquals("https://schema.org", article.get("@context").asText());
        assertEquals("NewsArticle", article.get("@type").asText());
        assertEquals(HEADLINE, article.get("headline").asText(), "quotes, markup and Unicode read back exactly");
        assertEquals(
                "A dek with <b>markup</b> & “quotes”.",
                article.get("description").asText());
        assertEquals(BASE + url(story), article.get("mainEntityOfPage").asText());
        assertEquals(BASE + url(story), article.get("url").asText());
        assertEquals(story.publishAt().toString(), article.get("datePublished").asText());
        assertFalse(article.has("dateModified"), "a correction is no substantive update");
        assertTrue(article.get("isAccessibleForFree").isBoolean());
        assertTrue(article.get("isAccessibleForFree").asBoolean());
        assertEquals("Politics & Policy", article.get("articleSection").asText());
        assertEquals(List.of("transit", "harbor"), texts(article.get("keywords")));

        JsonNode image = article.get("image").get(0);
        assertEquals("ImageObject", image.get("@type").asText());
        assertTrue(image.get("url").asText().startsWith(BASE + "/media/"), image.toString());
        assertEquals("Ana Ruiz/Lede", image.get("creditText").asText());

        JsonNode author = article.get("author").get(0);
        assertEquals("Person", author.get("@type").asText());
        assertEquals("Dana Wells", author.get("name").asText());
        assertEquals(BASE + "/authors/dana-wells", author.get("url").asText());

        JsonNode publisher = article.get("publisher");
        assertEquals("NewsMediaOrganization", publisher.get("@type").asText());
        assertEquals("Test Ledger", publisher.get("name").asText());
        assertEquals(BASE + "/", publisher.get("url").asText());

        JsonNode corrections = article.get("correction");
        assertEquals(1, corrections.size());
        assertEquals("CorrectionComment", corrections.get(0).get("@type").asText());
        assertEquals(
                "An earlier version misnamed the <mayor> & council.",
                corrections.get(0).get("text").asText());
        assertEquals(
                correctedAt.toString(), corrections.get(0).get("datePublished").asText());
        assertEquals(corrected.corrections().getFirst().at().toString(), correctedAt.toString());

        JsonNode breadcrumbs = blocks.get(1);
        assertEquals("BreadcrumbList", breadcrumbs.get("@type").asText());
        JsonNode crumbs = breadcrumbs.get("itemListElement");
        assertEquals(3, crumbs.size());
        List<List<String>> expected = List.of(
                List.of("1", "Test Ledger", BASE + "/"),
                List.of("2", "Politics & Policy", BASE + "/topics/politics"),
                List.of("3", HEADLINE, BASE + url(story)));
        for (int i = 0; i < 3; i++) {
            JsonNode crumb = crumbs.get(i);
            assertEquals("ListItem", crumb.get("@type").asText());
            assertTrue(crumb.get("position").isInt());
            assertEquals(
                    expected.get(i),
                    List.of(
                            crumb.get("position").asText(),
                            crumb.get("name").asText(),
                            crumb.get("item").asText()));
        }
    }

    @Test
    void theScriptTextCannotEndItsElementOrHideMarkup() {
        Story story = publish(HEADLINE, politics);
        String html = web.get(url(story)).body();
        assertFalse(html.contains("<script>alert"), "no injected script element");
        for (Element script : Jsoup.parse(html).select("script[type=application/ld+json]")) {
            String data = script.data();
            for (String unsafe : List.of("<", ">", "&", "\u2028", "\u2029")) {
                assertFalse(data.contains(unsafe), "raw " + unsafe + " in " + data);
            }
        }
        // Line separators cannot reach a stored field, so the escaping is proved on the writer itself.
        assertEquals(
                "{\"text\":\"a\\u2028b\\u2029c \\u003c/script\\u003e \\u0026\"}",
                StructuredData.script(Map.of("text", "a\u2028b\u2029c </script> &")));
    }

    @Test
    void dateModifiedAppearsOnlyAfterASubstantiveUpdate() throws Exception {
        Story story = publish("Bridge closes for repairs", politics);
        web.newsroom.clock.advance(Duration.ofHours(1));
        Story minor = stories.update(
                Actor.SYSTEM,
                story.id(),
                story.revision(),
                story.draft().withHeadline("Bridge closes for repair work"),
                UpdateKind.MINOR);
        web.catchUp();
        JsonNode afterMinor = blocks(web.get(url(story)).body()).getFirst();
        assertEquals("Bridge closes for repair work", afterMinor.get("headline").asText());
        assertFalse(afterMinor.has("dateModified"), afterMinor.toString());

        web.newsroom.clock.advance(Duration.ofHours(1));
        stories.update(
                Actor.SYSTEM,
                story.id(),
                minor.revision(),
                minor.draft().withHeadline("Bridge closes until March"),
                UpdateKind.SUBSTANTIVE);
        Instant updatedAt = web.newsroom.clock.instant();
        web.catchUp();
        String html = web.get(url(story)).body();
        JsonNode afterSubstantive = blocks(html).getFirst();
        assertEquals(updatedAt.toString(), afterSubstantive.get("dateModified").asText());
        assertEquals(
                story.publishAt().toString(),
                afterSubstantive.get("datePublished").asText());
        assertTrue(html.contains("data-updated>Updated "), "the page says Updated, as the data does");
    }

    @Test
    void theProcessorRefusesATermSchemaOrgDoesNotDefine() {
        assertThrows(
                JsonLdError.class,
                () -> expandsToSchemaOrg(
                        "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headlin\":\"x\"}"));
        assertThrows(
                AssertionError.class,
                () -> expandsToSchemaOrg("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticel\"}"));
    }

    @Test
    void authorPageCarriesAProfilePageAboutThePerson() throws Exception {
        Media portrait = web.newsroom.image("Ruth Amsel smiling");
        web.newsroom
                .services
                .authorService()
                .create(
                        Actor.SYSTEM,
                        new AuthorFields(
                                "ruth-amsel",
                                "Ruth Amsel",
                                "Transit editor",
                                "Ruth Amsel writes about trains & “trams”.",
                                portrait.id(),
                                false));
        List<JsonNode> blocks = blocks(web.get("/authors/ruth-amsel").body());
        assertEquals(1, blocks.size());
        JsonNode profile = blocks.getFirst();
        assertEquals("ProfilePage", profile.get("@type").asText());
        assertEquals(BASE + "/authors/ruth-amsel", profile.get("url").asText());
        JsonNode person = profile.get("mainEntity");
        assertEquals("Person", person.get("@type").asText());
        assertEquals("Ruth Amsel", person.get("name").asText());
        assertEquals(BASE + "/authors/ruth-amsel", person.get("url").asText());
        assertEquals("Transit editor", person.get("jobTitle").asText());
        assertEquals(
                "Ruth Amsel writes about trains & “trams”.",
                person.get("description").asText());
        assertEquals(
                BASE + "/media/" + portrait.id() + "/64.png",
                person.get("image").get("url").asText());

        JsonNode withoutPortrait =
                blocks(web.get("/authors/dana-wells").body()).getFirst().get("mainEntity");
        assertFalse(withoutPortrait.has("image"), withoutPortrait.toString());
        assertFalse(withoutPortrait.has("sameAs"), "Lede stores no profiles elsewhere");
    }

    @Test
    void dashboardPageCarriesACollectionPageListingItsItemsAndHeadlines() throws Exception {
        Story a = publish("Storm closes schools", politics);
        Story hidden = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("A draft never shown"));
        web.newsroom
                .services
                .dashboardService()
                .create(
                        Actor.SYSTEM,
                        new DashboardFields(
                                "storm",
                                "Storm <dashboard>",
                                "Everything on the storm.",
                                politics.id(),
                                null,
                                List.of(
                                        new DashboardItem(
                                                "Schools",
                                                List.of(
                                                        DashboardEntry.story(a.id()),
                                                        DashboardEntry.story(hidden.id()))),
                                        new DashboardItem(
                                                "Help",
                                                List.of(DashboardEntry.link(
                                                        "https://example.org/shelters", "Shelter map"))))));
        List<JsonNode> blocks = blocks(web.get("/dashboards/storm").body());
        assertEquals(1, blocks.size());
        JsonNode page = blocks.getFirst();
        assertEquals("CollectionPage", page.get("@type").asText());
        assertEquals("Storm <dashboard>", page.get("name").asText());
        assertEquals(BASE + "/dashboards/storm", page.get("url").asText());
        JsonNode list = page.get("mainEntity");
        assertEquals("ItemList", list.get("@type").asText());
        assertEquals(2, list.get("numberOfItems").asInt());
        JsonNode schools = list.get("itemListElement").get(0);
        assertEquals("ListItem", schools.get("@type").asText());
        assertEquals(1, schools.get("position").asInt());
        assertEquals("Schools", schools.get("name").asText());
        JsonNode headlines = schools.get("item").get("itemListElement");
        assertEquals(1, headlines.size(), "the draft is left out, as on the page");
        assertEquals(1, headlines.get(0).get("position").asInt());
        assertEquals("Storm closes schools", headlines.get(0).get("name").asText());
        assertEquals(BASE + url(a), headlines.get(0).get("url").asText());
        JsonNode help = list.get("itemListElement").get(1);
        assertEquals(2, help.get("position").asInt());
        assertEquals(
                "https://example.org/shelters",
                help.get("item").get("itemListElement").get(0).get("url").asText());
    }

    @Test
    void homeCarriesTheWebSiteAndItsPublisher() throws Exception {
        publish("Something to show", politics);
        List<JsonNode> blocks = blocks(web.get("/").body());
        assertEquals(2, blocks.size());
        JsonNode site = blocks.get(0);
        assertEquals("WebSite", site.get("@type").asText());
        assertEquals("Test Ledger", site.get("name").asText());
        assertEquals(BASE + "/", site.get("url").asText());
        assertFalse(site.has("potentialAction"), "there is no search page for a SearchAction to name");
        JsonNode organization = blocks.get(1);
        assertEquals("NewsMediaOrganization", organization.get("@type").asText());
        assertEquals("Test Ledger", organization.get("name").asText());
        assertEquals(BASE + "/", organization.get("url").asText());
        assertEquals(
                organization.get("@id").asText(),
                site.get("publisher").get("@id").asText());
    }

    /** Every JSON-LD block of a page, parsed as JSON and checked by the JSON-LD processor. */
    private static List<JsonNode> blocks(String html) throws Exception {
        List<JsonNode> blocks = new ArrayList<>();
        for (Element script : Jsoup.parse(html).select("script[type=application/ld+json]")) {
            String data = script.data();
            blocks.add(JSON.readTree(data));
            expandsToSchemaOrg(data);
        }
        return blocks;
    }

    /**
     * Expands the block with Titanium, refusing any term the schema.org context does not define,
     * then checks that every property and type it produced is a schema.org IRI.
     */
    private static void expandsToSchemaOrg(String data) throws JsonLdError {
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(data)))
                .loader(SCHEMA_ORG_OFFLINE)
                .undefinedTermsPolicy(ProcessingPolicy.Fail)
                .get();
        assertEquals(1, expanded.size(), "one top node per block: " + expanded);
        checkIris(expanded);
    }

    private static void checkIris(JsonValue value) {
        if (value instanceof JsonArray array) {
            array.forEach(StructuredDataTest::checkIris);
        } else if (value instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                String key = entry.getKey();
                if (key.equals("@type") && entry.getValue() instanceof JsonArray types) {
                    for (JsonValue type : types) {
                        String iri = ((JsonString) type).getString();
                        assertTrue(iri.startsWith(SCHEMA), "not a schema.org type: " + iri);
                    }
                } else if (!key.startsWith("@")) {
                    assertTrue(key.startsWith(SCHEMA), "not a schema.org property: " + key);
                }
                checkIris(entry.getValue());
            }
        }
    }

    /** The schema.org context from the test's resources: the test never reaches the network. */
    private static final DocumentLoader SCHEMA_ORG_OFFLINE = (url, options) -> {
        if (!url.toString().equals("https://schema.org")) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "offline: " + url);
        }
        InputStream context = StructuredDataTest.class.getResourceAsStream("/jsonld/schema.org-context.jsonld");
        return JsonDocument.of(context);
    };

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
