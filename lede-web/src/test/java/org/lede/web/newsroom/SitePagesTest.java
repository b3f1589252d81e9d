package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.page.SitePage;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** Site pages written in the newsroom and read at /{slug}, with the footer that links them, over HTTP. */
class SitePagesTest extends WebServerTest {
    private static final String ABOUT_TEXT =
            "We report on the city.\n\n**How we work:** An editor reads every story.\n\n- One\n- Two\n";
    NewsroomClient editor;

    @BeforeEach
    void signIn() {
        editor = NewsroomClient.as(web, Role.EDITOR);
    }

    private HttpResponse<String> create(String slug, String title, String position, String action) {
        return editor.post(
                "/newsroom/pages",
                "title",
                title,
                "slug",
                slug,
                "position",
                position,
                "body",
                ABOUT_TEXT,
                "action",
                action);
    }

    private SitePage stored(String slug) {
        return web.newsroom.services.sitePages().findBySlug(slug).orElseThrow();
    }

    private HttpResponse<String> save(SitePage page, int revision, String title, String body, String action) {
        return editor.post(
                "/newsroom/pages/" + page.id(),
                "revision",
                Integer.toString(revision),
                "title",
                title,
                "slug",
                page.slug(),
                "position",
                Integer.toString(page.position()),
                "body",
                body,
                "action",
                action);
    }

    private static List<String> footerLinks(String html) {
        Document doc = Jsoup.parse(html);
        return doc.select("footer.site-footer nav a").stream()
                .map(a -> a.attr("href") + " " + a.text())
                .toList();
    }

    @Test
    void crawlersFindAPublishedPageInTheSitemapAndNotADraft() {
        assertEquals(303, create("about", "About us", "1", "publish").statusCode());
        assertEquals(303, create("contact", "Contact", "2", "save").statusCode());
        web.catchUp();

        String pages = web.get("/sitemaps/pages.xml").body();
        assertTrue(pages.contains("<loc>https://news.example/about</loc>"), pages);
        assertFalse(pages.contains("/contact"), "a draft is not offered to crawlers");
    }

    @Test
    void aPublishedPageIsReadAtItsAddressWithTheSiteFrameAndLinkedFromEveryFooter() {
        HttpResponse<String> created = create("about", "About <us> & “them”", "1", "publish");
        assertEquals(303, created.statusCode(), created.body());
        SitePage about = stored("about");
        assertEquals(
                "/newsroom/pages/" + about.id() + "?notice=page-published",
                created.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> page = web.get("/about");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertEquals("About <us> & “them”", doc.selectFirst("main h1").text());
        assertTrue(page.body().contains("<h1>About &lt;us&gt; &amp; “them”</h1>"), "escaped");
        assertEquals("We report on the city.", doc.selectFirst("main .body p").text());
        assertEquals(
                "How we work: An editor reads every story.",
                doc.select("main .body p").get(1).text());
        assertEquals(2, doc.select("main .body ul li").size());
        assertEquals("About <us> & “them” | Test Ledger", doc.title());
        assertEquals(
                "https://news.example/about",
                doc.selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(page.body().contains("class=\"site-header\""), "the site's frame");
        assertEquals(
                "We report on the city.",
                doc.selectFirst("meta[name=description]").attr("content"));
        assertEquals("page", doc.selectFirst("footer.site-footer nav a").attr("aria-current"));
        assertTrue(
                page.headers().firstValue("Surrogate-Key").orElseThrow().contains("page:about"),
                page.headers().map().toString());

        assertEquals(
                List.of("/about About <us> & “them”"), footerLinks(web.get("/").body()));
        assertEquals(
                List.of("/about About <us> & “them”"),
                footerLinks(web.get("/no-such-page").body()));
    }

    @Test
    void draftsAndUnknownSlugsAre404AndTheFooterLeavesDraftsOut() {
        assertEquals(303, create("contact", "Contact", "1", "save").statusCode());
        assertEquals(404, web.get("/contact").statusCode());
        HttpResponse<String> unknown = web.get("/nothing-here");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("<h1>Page not found</h1>"));
        assertEquals(List.of(), footerLinks(web.get("/").body()));
        assertTrue(Jsoup.parse(web.get("/").body()).select("footer nav").isEmpty(), "no empty navigation");
    }

    @Test
    void theFooterFollowsTheEditorsOrderAndCachedPagesFollowEveryChange() {
        assertEquals(303, create("privacy", "Privacy", "2", "publish").statusCode());
        web.catchUp();
        String home = web.get("/").body();
        assertEquals(List.of("/privacy Privacy"), footerLinks(home));
        assertEquals(home, web.get("/").body(), "cached");

        assertEquals(303, create("about", "About", "1", "publish").statusCode());
        web.catchUp();
        assertEquals(
                List.of("/about About", "/privacy Privacy"),
                footerLinks(web.get("/").body()));

        SitePage privacy = stored("privacy");
        web.get("/privacy");
        assertEquals(
                303,
                save(privacy, privacy.revision(), "Privacy", "We keep no reader data.\n", "save")
                        .statusCode());
        web.catchUp();
        assertTrue(web.get("/privacy").body().contains("We keep no reader data."), "the page was purged");

        privacy = stored("privacy");
        assertEquals(
                303,
                save(privacy, privacy.revision(), "Privacy", "x\n", "unpublish").statusCode());
        web.catchUp();
        assertEquals(List.of("/about About"), footerLinks(web.get("/").body()));
        assertEquals(404, web.get("/privacy").statusCode());
    }

    @Test
    void slugsOfExistingRoutesAreRefusedWithAFormError() {
        for (String slug : List.of("topics", "newsroom", "media", "api", "feed", "sitemap", "search", "2026")) {
            HttpResponse<String> refused = create(slug, "Clash", "1", "publish");
            assertEquals(422, refused.statusCode(), slug);
            Document form = Jsoup.parse(refused.body());
            assertTrue(
                    form.selectFirst("p.notice").text().contains("The address /" + slug + " belongs to another part"),
                    refused.body());
            assertEquals(slug, form.selectFirst("input[name=slug]").val(), "the form comes back as typed");
            assertEquals(ABOUT_TEXT, form.selectFirst("textarea[name=body]").wholeText());
        }
        assertEquals(List.of(), web.newsroom.services.sitePages().all());
    }

    @Test
    void aStaleSaveIsRefusedAndKeepsWhatTheEditorTyped() {
        assertEquals(303, create("about", "About", "1", "save").statusCode());
        SitePage about = stored("about");
        assertEquals(
                303,
                save(about, 1, "About Lede", "First editor's text.\n", "save").statusCode());
        HttpResponse<String> stale = save(about, 1, "About us", "Second editor's text.\n", "publish");
        assertEquals(409, stale.statusCode());
        Document form = Jsoup.parse(stale.body());
        assertTrue(form.selectFirst("p.notice").text().contains("changed by someone else"), stale.body());
        assertEquals(
                "Second editor's text.\n",
                form.selectFirst("textarea[name=body]").wholeText());
        assertEquals("1", form.selectFirst("input[name=revision]").val());
        SitePage kept = stored("about");
        assertEquals("About Lede", kept.title());
        assertFalse(kept.published());
        assertEquals(404, web.get("/about").statusCode());
    }

    @Test
    void writersAndContributorsNeitherSeeNorWritePages() {
        assertEquals(303, create("about", "About", "1", "save").statusCode());
        SitePage about = stored("about");
        for (Role role : List.of(Role.WRITER, Role.CONTRIBUTOR)) {
            NewsroomClient member = NewsroomClient.as(web, role);
            assertEquals(403, member.get("/newsroom/pages").statusCode());
            assertEquals(403, member.get("/newsroom/pages/" + about.id()).statusCode());
            assertEquals(
                    403,
                    member.post("/newsroom/pages", "title", "Mine", "slug", "mine", "position", "1", "body", "x")
                            .statusCode());
            assertFalse(member.get("/newsroom").body().contains("href=\"/newsroom/pages\""), "no link to them");
        }
        assertEquals(1, stored("about").revision());
        assertTrue(editor.get("/newsroom/pages").body().contains("href=\"/newsroom/pages/" + about.id() + "\""));
    }
}
