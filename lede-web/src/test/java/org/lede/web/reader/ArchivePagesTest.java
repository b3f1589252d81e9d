package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.author.Author;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.topic.Topic;
import org.lede.user.Role;
import org.lede.web.WebServerTest;
import org.lede.web.newsroom.NewsroomClient;

/** A generated archive is a site readers can read and a newsroom editors can work in. */
class ArchivePagesTest extends WebServerTest {
    private static final int N = 150;
    private static final Pattern OLDER = Pattern.compile("<a\\b[^>]*href=\"([^\"]+)\"[^>]*rel=\"next\"");

    @Test
    void everyGeneratedStoryRendersWithItsTopicAuthorsAndHistory() {
        Services s = web.newsroom.services;
        Instant end = web.newsroom.clock.instant();
        s.demoArchive(dir.resolve("media")).generate(N, 5, end, written -> {});
        web.catchUp();

        List<Story> stories = s.stories().latestPublished(1000, 0).stream()
                .filter(st -> st.slug().matches(".*-\\d+$"))
                .toList();
        assertEquals(N, stories.size());
        for (Story story : stories) {
            String path = Urls.story(story, ZoneOffset.UTC);
            HttpResponse<String> page = web.get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(
                    page.body().contains("<link rel=\"canonical\" href=\"https://news.example" + path + "\">"), path);
            Topic topic = s.topics().find(story.draft().topicId()).orElseThrow();
            assertTrue(page.body().contains("href=\"" + Urls.topic(topic.slug()) + "\""), path);
            for (Author author : s.authors().findAll(story.draft().authorIds())) {
                assertTrue(
                        page.body().contains("href=\"" + Urls.author(author.slug()) + "\""),
                        path + " by " + author.slug());
            }
            assertTrue(page.body().contains(story.draft().hero().credit().by()), path + " credits its hero");
        }
        for (Topic topic : s.topics().all()) {
            // The stream's own "older" link, whatever form its addresses take.
            Matcher older = OLDER.matcher(web.get(Urls.topic(topic.slug())).body());
            assertTrue(older.find(), topic.slug());
            HttpResponse<String> page = web.get(older.group(1).replace("&amp;", "&"));
            assertEquals(200, page.statusCode(), topic.slug());
            assertTrue(
                    stories.stream().anyMatch(st -> page.body().contains(Urls.story(st, ZoneOffset.UTC))),
                    "the archive goes on past the demo's stories: " + topic.slug());
        }
        for (Author author : s.authors().all()) {
            assertEquals(200, web.get(Urls.author(author.slug())).statusCode(), author.slug());
        }
        assertEquals(200, web.get("/").statusCode());

        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        Story newest = stories.getFirst();
        HttpResponse<String> history = editor.get("/newsroom/stories/" + newest.id() + "/revisions");
        assertEquals(200, history.statusCode());
        assertEquals(
                200,
                editor.get("/newsroom/stories/" + newest.id() + "/revisions/1").statusCode());
        assertEquals(200, editor.get("/newsroom/stories/" + newest.id()).statusCode());
    }
}
