package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.importing.Importer.OnError;
import org.lede.importing.Importer.Options;
import org.lede.importing.WxrSource;
import org.lede.reading.OldAddresses;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/** The addresses of a WordPress site, once imported, answer 301 to where their stories live now. */
class OldAddressesTest extends WebServerTest {
    static final String WXR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><wp:wxr_version>1.2</wp:wxr_version>
            <item><title>Night ferry approved</title><link>https://pier.example/2025/01/night-ferry/</link>
              <dc:creator>ines</dc:creator><guid>https://pier.example/?p=7</guid>
              <content:encoded><![CDATA[<p>The harbor board voted for a night ferry.</p>]]></content:encoded>
              <wp:post_id>7</wp:post_id><wp:post_date_gmt>2025-01-09 17:00:00</wp:post_date_gmt>
              <wp:post_name>night-ferry</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
              <category domain="category" nicename="harbor">Harbor</category></item>
            <item><title>Harbor news</title><link>https://pier.example/harbor-news/</link>
              <dc:creator>ines</dc:creator><guid>https://pier.example/?p=8</guid>
              <content:encoded><![CDATA[<p>Boats, berths and the people who work them.</p>]]></content:encoded>
              <wp:post_id>8</wp:post_id><wp:post_date_gmt>2025-01-10 08:00:00</wp:post_date_gmt>
              <wp:post_name>harbor-news</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
              <category domain="category" nicename="harbor">Harbor</category></item>
            <item><title>Pier plan</title><link>https://pier.example/2025/02/pier-plan/</link>
              <dc:creator>ines</dc:creator><guid>https://pier.example/?p=9</guid>
              <content:encoded><![CDATA[<p>Not yet.</p>]]></content:encoded>
              <wp:post_id>9</wp:post_id><wp:post_name>pier-plan</wp:post_name><wp:status>draft</wp:status>
              <wp:post_type>post</wp:post_type></item>
            <item><title>About the pier</title><link>https://pier.example/who-we-are/</link>
              <guid>https://pier.example/?page_id=10</guid>
              <content:encoded><![CDATA[<p>We report on the pier.</p>]]></content:encoded>
              <wp:post_id>10</wp:post_id><wp:post_name>about</wp:post_name><wp:status>publish</wp:status>
              <wp:post_type>page</wp:post_type></item>
            </channel></rss>
            """;

    Services services;

    @BeforeEach
    void importSite() {
        services = web.newsroom.services;
        byte[] bytes = WXR.getBytes(StandardCharsets.UTF_8);
        try (WxrSource source = new WxrSource(() -> new ByteArrayInputStream(bytes), "pier.xml")) {
            services.importer(null).run(source, new Options("wxr", null, false, OnError.STOP), item -> {});
        }
    }

    @Test
    void anOldPermalinkAnswers301ToTheStory() {
        for (String path : new String[] {"/2025/01/night-ferry/", "/2025/01/night-ferry"}) {
            HttpResponse<String> response = web.get(path);
            assertEquals(301, response.statusCode(), path);
            assertEquals(
                    "/2025/01/09/night-ferry",
                    response.headers().firstValue("Location").orElseThrow(),
                    path);
        }
        HttpResponse<String> withQuery = web.get("/2025/01/night-ferry/?utm_source=x");
        assertEquals(
                "/2025/01/09/night-ferry?utm_source=x",
                withQuery.headers().firstValue("Location").orElseThrow());
        assertEquals(200, web.get("/2025/01/09/night-ferry").statusCode());
    }

    @Test
    void anOldAddressOfOneSegmentRedirectsThoughSitePagesLiveThere() {
        HttpResponse<String> response = web.get("/harbor-news/");
        assertEquals(301, response.statusCode());
        assertEquals(
                "/2025/01/10/harbor-news",
                response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theOldSitesQueryAddressesOnItsHomePageAnswer301() {
        HttpResponse<String> post = web.get("/?p=7");
        assertEquals(301, post.statusCode());
        assertEquals(
                "/2025/01/09/night-ferry", post.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = web.get("/?page_id=10");
        assertEquals(301, page.statusCode());
        assertEquals("/about", page.headers().firstValue("Location").orElseThrow());
        assertEquals(200, web.get("/?p=999").statusCode(), "an unknown query is the home page's own");
        assertEquals(200, web.get("/?p=9").statusCode(), "a story not live is not pointed to");
    }

    @Test
    void anImportedPagesOldAddressLeadsToThePage() {
        HttpResponse<String> response = web.get("/who-we-are/");
        assertEquals(301, response.statusCode());
        assertEquals("/about", response.headers().firstValue("Location").orElseThrow());
        assertEquals(200, web.get("/about").statusCode());
    }

    @Test
    void aStoryNotLiveAndAnUnknownPathStay404() {
        assertEquals(404, web.get("/2025/02/pier-plan/").statusCode());
        assertEquals(404, web.get("/2025/03/never-was/").statusCode());

        Story ferry = services.stories().findBySlug("night-ferry").orElseThrow();
        services.storyService().unpublish(Actor.SYSTEM, ferry.id(), ferry.revision());

        assertEquals(404, web.get("/2025/01/night-ferry/").statusCode());
    }

    @Test
    void theListOfLiveOldAddressesIsWhatTheSiteAnswers() {
        OldAddresses old =
                new OldAddresses(services.imports(), services.stories(), services.sitePages(), ZoneOffset.UTC);
        Map<String, String> live = old.live();
        assertEquals(
                Map.of(
                        "/2025/01/night-ferry/", "/2025/01/09/night-ferry",
                        "/harbor-news/", "/2025/01/10/harbor-news",
                        "/who-we-are/", "/about"),
                live,
                "pages too, and no address named by its query (/?p=7), which a static host cannot match");
        live.forEach((path, to) -> {
            HttpResponse<String> response = web.get(path);
            assertEquals(301, response.statusCode(), path);
            assertEquals(to, response.headers().firstValue("Location").orElseThrow(), path);
        });

        Story ferry = services.stories().findBySlug("night-ferry").orElseThrow();
        services.storyService().unpublish(Actor.SYSTEM, ferry.id(), ferry.revision());
        assertEquals(
                Map.of("/harbor-news/", "/2025/01/10/harbor-news", "/who-we-are/", "/about"),
                old.live(),
                "only stories that are live");
    }
}
