package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;
import org.lede.web.support.SecurityHeaders;

/**
 * Hostile text through every text field the newsroom accepts, then every page that shows it, read
 * with a real HTML5 parser (jsoup) as a browser would read it: string searches cannot tell text
 * from markup, a parser can. No page may carry an event handler attribute, a script that is not
 * ours, or a {@code javascript:} address; and each field's hostile text must be there as text,
 * which proves the page showed the field at all. A template that wrote any of these fields with
 * {@code $unsafe} would put an {@code <img onerror>} and a foreign {@code <script>} into the page.
 */
class EscapingTest extends WebServerTest {
    private static final Set<String> OUR_SCRIPTS = Set.copyOf(SecurityHeaders.SCRIPTS);
    private static final Set<String> ADDRESS_ATTRIBUTES =
            Set.of("href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href");

    /** Each field gets its own marker, so the test can say which field a page failed to show or to escape. */
    static String marker(String field) {
        return "<img src=x onerror=\"alert('" + field + "')\">";
    }

    /** Markup, both quotes, an ampersand and control characters, around the field's marker. */
    static String hostile(String field) {
        return "<script>x</script>" + marker(field) + "\"'&\u0000\u0007";
    }

    private final List<String> seenText = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    @Test
    void hostileTextInEveryFieldIsShownAsTextOnEveryPage() throws Exception {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);

        expect(
                303,
                admin.post(
                        "/newsroom/topics",
                        "slug",
                        "hostile-topic",
                        "name",
                        hostile("topic name"),
                        "description",
                        hostile("topic description"),
                        "position",
                        "1"));
        String topicId = web.newsroom.services.topics().all().getFirst().id();
        expect(
                303,
                admin.post(
                        "/newsroom/authors",
                        "slug",
                        "hostile-author",
                        "name",
                        hostile("author name"),
                        "title",
                        hostile("author title"),
                        "bio",
                        hostile("author bio")));
        String authorId = web.newsroom.services.authors().all().getFirst().id();

        expect(
                303,
                admin.upload(
                        "/newsroom/media",
                        "tram.png",
                        "image/png",
                        png(),
                        "alt",
                        hostile("media alt"),
                        "caption",
                        hostile("media caption"),
                        "credit",
                        "Photo: " + hostile("media credit")));
        Media media = web.newsroom.services.media().latest(1, 0).getFirst();

        String body = hostile("body paragraph") + " [" + hostile("body link text")
                + "](https://example.org/?q=%22%3E%3Cscript%3E)\n\n"
                + "## " + hostile("body subhead") + "\n\n"
                + "> " + hostile("body quote") + "\n> — " + hostile("body attribution") + "\n\n"
                + "- **Label " + marker("body label").replace("<", "&lt;") + ":** "
                + hostile("body list item") + "\n";
        HttpResponse<String> created = admin.post(
                "/newsroom/stories",
                "headline",
                hostile("headline"),
                "dek",
                hostile("dek"),
                "slug",
                "hostile-story",
                "topic",
                topicId,
                "authors",
                authorId,
                "tags",
                hostile("tags"),
                "contributorNote",
                hostile("contributor note"),
                "heroMedia",
                media.id(),
                "heroCaption",
                hostile("hero caption"),
                "heroCredit",
                "Photo: " + hostile("hero credit"),
                "body",
                body,
                "action",
                "save");
        expect(303, created);
        Story story = web.newsroom
                .services
                .stories()
                .find(NewsroomClient.location(created).replaceAll(".*/stories/([^?]+).*", "$1"))
                .orElseThrow();
        story = web.newsroom.services.storyService().publish(Actor.SYSTEM, story.id(), story.revision());
        expect(
                303,
                admin.post(
                        "/newsroom/stories/" + story.id() + "/corrections",
                        "revision",
                        String.valueOf(story.revision()),
                        "correction",
                        hostile("correction")));

        expect(
                303,
                admin.post(
                        "/newsroom/dashboards",
                        "title",
                        hostile("dashboard title"),
                        "slug",
                        "hostile-dashboard",
                        "intro",
                        hostile("dashboard intro"),
                        "items",
                        marker("item label") + "\"'&\u0000: hostile-story | https://example.org/?a=%22%3E "
                                + hostile("link title")));
        expect(
                303,
                admin.post(
                        "/newsroom/users",
                        "name",
                        hostile("user name"),
                        "email",
                        "hostile@example.org",
                        "password",
                        NewsroomClient.PASSWORD,
                        "role",
                        "writer"));
        web.catchUp();

        String storyPath = "/2026/11/20/hostile-story";
        String dashboardId = web.newsroom
                .services
                .dashboards()
                .findBySlug("hostile-dashboard")
                .orElseThrow()
                .id();
        for (String path : List.of(
                "/",
                storyPath,
                storyPath + "/related",
                "/topics/hostile-topic",
                "/authors/hostile-author",
                "/dashboards/hostile-dashboard",
                "/no/such/page")) {
            check(path, web.get(path));
        }
        for (String path : List.of(
                "/newsroom",
                "/newsroom/stories/" + story.id(),
                "/newsroom/stories/" + story.id() + "/revisions",
                "/newsroom/stories/" + story.id() + "/revisions/1",
                "/newsroom/media",
                "/newsroom/media/" + media.id(),
                "/newsroom/topics",
                "/newsroom/topics/" + topicId,
                "/newsroom/authors",
                "/newsroom/authors/" + authorId,
                "/newsroom/dashboards",
                "/newsroom/dashboards/" + dashboardId,
                "/newsroom/dashboards/stories?q=script",
                "/newsroom/dashboards/stories?part=list&q=script",
                "/newsroom/top",
                "/newsroom/users",
                "/newsroom/audit")) {
            check(path, admin.get(path));
        }

        // The editor's live preview, as its script puts it in place.
        HttpResponse<String> preview = admin.post(
                "/newsroom/preview",
                "headline",
                hostile("preview headline"),
                "dek",
                hostile("preview dek"),
                "topic",
                topicId,
                "authors",
                authorId,
                "heroMedia",
                media.id(),
                "heroCaption",
                hostile("preview hero caption"),
                "body",
                body.replace("body ", "preview body "));
        var json = new ObjectMapper().readTree(preview.body());
        checkHtml("/newsroom/preview (html)", json.get("html").asText(), true);
        json.get("checks").forEach(c -> seenText.add(c.get("message").asText()));

        // Refused values come back in the form to fix: slugs, addresses, javascript: links.
        check(
                "refused slug",
                admin.post("/newsroom/topics", "slug", hostile("topic slug"), "name", "T", "position", "2"));
        check(
                "refused javascript: link",
                admin.post(
                        "/newsroom/stories",
                        "headline",
                        "Links",
                        "body",
                        "[" + hostile("refused link") + "](javascript:alert(1))\n\n<javascript:alert(2)>",
                        "action",
                        "save"));
        check(
                "refused story slug",
                admin.post("/newsroom/stories", "headline", "Slug", "slug", hostile("story slug"), "action", "save"));
        check(
                "refused dashboard link",
                admin.post(
                        "/newsroom/dashboards",
                        "title",
                        "Links",
                        "items",
                        "Label: hostile-story | javascript:alert(1) " + hostile("refused dashboard link")));
        check(
                "refused email",
                admin.post(
                        "/newsroom/users",
                        "name",
                        "Name",
                        "email",
                        hostile("user email"),
                        "password",
                        NewsroomClient.PASSWORD,
                        "role",
                        "writer"));

        Set<String> fields = new TreeSet<>(List.of(
                "topic name",
                "topic description",
                "author name",
                "author title",
                "author bio",
                "media alt",
                "media caption",
                "media credit",
                "headline",
                "dek",
                "contributor note",
                "hero caption",
                "hero credit",
                "body paragraph",
                "body link text",
                "body subhead",
                "body quote",
                "body attribution",
                "body list item",
                "correction",
                "dashboard title",
                "dashboard intro",
                "item label",
                "link title",
                "user name",
                "preview headline",
                "preview dek",
                "preview hero caption",
                "preview body paragraph",
                "preview body link text",
                "preview body subhead",
                "preview body quote",
                "preview body attribution",
                "preview body list item",
                "topic slug",
                "refused link",
                "story slug",
                "refused dashboard link",
                "user email"));
        String all = String.join("\n", seenText);
        Set<String> unseen =
                fields.stream().filter(f -> !all.contains(marker(f))).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(failures.isEmpty(), "executable output: " + failures);
        assertEquals(Set.of(), unseen, "fields whose hostile text no page showed as text");
        assertTrue(!all.contains("\u0000") && !all.contains("\u0007"), "control characters reached a page");
    }

    private void expect(int status, HttpResponse<String> response) {
        assertEquals(
                status,
                response.statusCode(),
                response.uri() + ": "
                        + Jsoup.parse(response.body()).select("main").text());
    }

    private void check(String what, HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/html"), what + " is " + type);
        checkHtml(what, response.body(), false);
    }

    private void checkHtml(String what, String html, boolean fragment) {
        Document doc = fragment ? Jsoup.parseBodyFragment(html) : Jsoup.parse(html);
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    failures.put(what, "<" + element.tagName() + " " + name + "=" + attribute.getValue() + ">");
                }
                if (ADDRESS_ATTRIBUTES.contains(name) && isJavascript(attribute.getValue())) {
                    failures.put(what, "<" + element.tagName() + " " + name + "=" + attribute.getValue() + ">");
                }
                seenText.add(attribute.getValue());
            }
            if (element.tagName().equals("script")) {
                checkScript(what, element);
            }
            if (element.tagName().equals("textarea")) {
                seenText.add(element.wholeText());
            }
        }
        seenText.add(doc.text());
    }

    private void checkScript(String what, Element script) {
        String data = script.data();
        if (script.attr("type").equals("application/ld+json")) {
            try {
                new ObjectMapper().readTree(data);
                seenText.add(data);
            } catch (IOException e) {
                failures.put(what, "structured data that is not JSON: " + data);
            }
        } else if (!OUR_SCRIPTS.contains(data)) {
            failures.put(what, "a script that is not ours: " + data);
        }
    }

    /** As a browser reads an address: ASCII whitespace and controls anywhere are dropped before the scheme. */
    private static boolean isJavascript(String value) {
        String compact = value.chars()
                .filter(c -> c > ' ')
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining())
                .toLowerCase(Locale.ROOT);
        return compact.startsWith("javascript:") || compact.startsWith("vbscript:") || compact.startsWith("data:text");
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
