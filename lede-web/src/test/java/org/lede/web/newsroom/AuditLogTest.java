package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

class AuditLogTest extends WebServerTest {

    @Test
    void theLogShowsAPublishByTheEditorsNameNewestFirst() {
        StoryDraft draft = web.newsroom.publishableDraft("Council extends the tram line");
        Story story = web.newsroom.services.storyService().createDraft(Actor.SYSTEM, draft);
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        StoryForm form = StoryForm.of(story);
        HttpResponse<String> published = editor.post(
                "/newsroom/stories/" + story.id(),
                "revision",
                "1",
                "action",
                "publish",
                "headline",
                form.headline(),
                "dek",
                form.dek(),
                "slug",
                form.slug(),
                "topic",
                form.topicId(),
                "tags",
                form.tags(),
                "kind",
                form.kind(),
                "authors",
                form.authorIds().getFirst(),
                "heroMedia",
                form.heroMediaId(),
                "heroCaption",
                form.heroCaption(),
                "heroCredit",
                form.heroCredit(),
                "body",
                form.body());
        assertEquals(303, published.statusCode(), published.body());

        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        HttpResponse<String> log = admin.get("/newsroom/audit");
        assertEquals(200, log.statusCode());
        String body = log.body();
        Matcher row = Pattern.compile(
                        "<tr>\\s*<td><time[^>]*>[^<]*</time></td>\\s*<td>([^<]*)</td>\\s*<td>(.*?)</td>",
                        Pattern.DOTALL)
                .matcher(body);
        assertTrue(row.find(), body);
        // The admin's own account, made after the publish, is the newest entry.
        assertEquals("Lede (system)", row.group(1));
        assertTrue(row.group(2).startsWith("added user"), row.group(2));
        assertTrue(row.find());
        assertEquals(editor.user().name(), row.group(1));
        assertTrue(
                row.group(2)
                        .contains("published story <a href=\"/newsroom/stories/" + story.id() + "\">" + story.slug()
                                + "</a>"),
                row.group(2));
        assertTrue(row.find());
        assertTrue(row.group(2).startsWith("added user"), "saving the form and publishing is one entry, not two");
        assertFalse(body.contains("edited story"), body);
        assertTrue(body.contains("created story"));
    }

    @Test
    void anEditorCannotReadTheLog() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> refused = editor.get("/newsroom/audit");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Only admins can read the audit log."), refused.body());
    }

    @Test
    void olderEntriesAreOnFollowingPages() {
        for (int i = 1; i <= 60; i++) {
            web.newsroom.topic("topic-" + i, "Topic " + i);
        }
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String first = admin.get("/newsroom/audit").body();
        assertTrue(first.contains(">topic-60</a>"));
        assertTrue(!first.contains(">topic-5</a>"), "50 to a page");
        Matcher older = Pattern.compile("href=\"(/newsroom/audit\\?before=\\d+)\">Older changes")
                .matcher(first);
        assertTrue(older.find(), first);
        String second = admin.get(older.group(1)).body();
        assertTrue(second.contains(">topic-1</a>"), second);
        assertTrue(!second.contains(">topic-60</a>"));
        assertTrue(second.contains("href=\"/newsroom/audit\">Newest changes"));
        assertEquals(400, admin.get("/newsroom/audit?before=yesterday").statusCode());
    }
}
