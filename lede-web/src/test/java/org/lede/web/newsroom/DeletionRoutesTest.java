package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.story.Story;
import org.lede.story.StoryStatus;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** The newsroom's delete, archive and merge actions: a confirm page, the refusal named on it, and the deed. */
class DeletionRoutesTest extends WebServerTest {

    private Story published(String headline) {
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft(headline));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    @Test
    void anImageIsDeletedFromItsConfirmPageUnlessAStoryShowsIt() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        Story live = published("Tram line opens");
        String hero = live.draft().hero().mediaId();

        HttpResponse<String> confirm = editor.get("/newsroom/media/" + hero + "/delete");
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("action=\"/newsroom/media/" + hero + "/delete\""), confirm.body());
        assertTrue(
                editor.get("/newsroom/media/" + hero).body().contains("href=\"/newsroom/media/" + hero + "/delete\""));

        HttpResponse<String> refused = editor.post("/newsroom/media/" + hero + "/delete");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("used by 1 published story: “Tram line opens”."), refused.body());
        assertTrue(web.newsroom.services.media().find(hero).isPresent());

        Media unused = web.newsroom.image("An unused picture");
        HttpResponse<String> deleted = editor.post("/newsroom/media/" + unused.id() + "/delete");
        assertEquals(303, deleted.statusCode(), deleted.body());
        assertEquals("/newsroom/media?notice=media-deleted", NewsroomClient.location(deleted));
        assertTrue(editor.get(NewsroomClient.location(deleted)).body().contains("Image deleted, with its files."));
        assertEquals(404, editor.get("/newsroom/media/" + unused.id()).statusCode());
        assertFalse(web.newsroom.services.blobs().exists(MediaService.originalKey(unused)));
    }

    @Test
    void writersCannotDeleteImagesTopicsAuthorsOrDashboards() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        Media image = web.newsroom.image("A picture");
        Topic topic = web.newsroom.topic("unused", "Unused");
        Author author = web.newsroom.author("nobody-yet", "Nobody Yet");
        Dashboard dashboard = web.newsroom
                .services
                .dashboardService()
                .create(Actor.SYSTEM, new DashboardFields("empty", "Empty", null, null, null, List.of()));

        HttpResponse<String> media = writer.post("/newsroom/media/" + image.id() + "/delete");
        assertEquals(403, media.statusCode());
        assertTrue(media.body().contains("Only editors and admins delete images."), media.body());
        assertEquals(
                403, writer.post("/newsroom/topics/" + topic.id() + "/delete").statusCode());
        assertEquals(
                403, writer.post("/newsroom/authors/" + author.id() + "/delete").statusCode());
        assertEquals(
                403,
                writer.post("/newsroom/dashboards/" + dashboard.id() + "/delete", "revision", "1")
                        .statusCode());

        var s = web.newsroom.services;
        assertTrue(s.media().find(image.id()).isPresent());
        assertTrue(s.topics().find(topic.id()).isPresent());
        assertTrue(s.authors().find(author.id()).isPresent());
        assertTrue(s.dashboards().find(dashboard.id()).isPresent());
    }

    @Test
    void aWriterDeletesTheirOwnDraftButNotSomeoneElses() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        var stories = web.newsroom.services.storyService();
        Story own = stories.createDraft(writer.user().actor(), web.newsroom.publishableDraft("My rough draft"));
        Story theirs = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Someone else's draft"));
        assertTrue(writer.get("/newsroom/stories/" + own.id())
                .body()
                .contains("/newsroom/stories/" + own.id() + "/delete"));

        HttpResponse<String> refused = writer.post("/newsroom/stories/" + theirs.id() + "/delete", "revision", "1");
        assertEquals(403, refused.statusCode());
        HttpResponse<String> deleted = writer.post("/newsroom/stories/" + own.id() + "/delete", "revision", "1");
        assertEquals(303, deleted.statusCode(), deleted.body());
        assertEquals("/newsroom?notice=draft-deleted", NewsroomClient.location(deleted));

        assertTrue(web.newsroom.services.stories().find(own.id()).isEmpty());
        assertTrue(web.newsroom.services.stories().find(theirs.id()).isPresent());
        assertEquals(404, writer.get("/newsroom/stories/" + own.id()).statusCode());
    }

    @Test
    void aPublishedStoryIsArchivedOnlyAfterUnpublishingAndThenLeavesTheList() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        Story live = published("Storm closes the port");

        HttpResponse<String> deleteRefused = editor.post("/newsroom/stories/" + live.id() + "/delete", "revision", "2");
        assertEquals(409, deleteRefused.statusCode());
        assertTrue(deleteRefused.body().contains("unpublish it, then archive it"), deleteRefused.body());
        HttpResponse<String> archiveRefused =
                editor.post("/newsroom/stories/" + live.id() + "/archive", "revision", "2");
        assertEquals(409, archiveRefused.statusCode());
        assertTrue(archiveRefused.body().contains("unpublish it first"), archiveRefused.body());

        Story unpublished = web.newsroom.services.storyService().unpublish(Actor.SYSTEM, live.id(), 2);
        assertEquals(
                200, editor.get("/newsroom/stories/" + live.id() + "/archive").statusCode());
        HttpResponse<String> archived = editor.post(
                "/newsroom/stories/" + live.id() + "/archive", "revision", Integer.toString(unpublished.revision()));
        assertEquals(303, archived.statusCode(), archived.body());

        assertEquals(
                StoryStatus.ARCHIVED,
                web.newsroom.services.stories().find(live.id()).orElseThrow().status());
        assertFalse(editor.get("/newsroom").body().contains("Storm closes the port"));
        assertTrue(editor.get("/newsroom?status=archived").body().contains("Storm closes the port"));
    }

    @Test
    void aTopicInUseIsMergedIntoAnotherFromItsConfirmPage() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        Story live = published("Tram line opens");
        Topic used = web.newsroom.services.topics().find(live.draft().topicId()).orElseThrow();
        Topic city = web.newsroom.topic("city", "City");

        HttpResponse<String> confirm = editor.get("/newsroom/topics/" + used.id() + "/delete");
        assertTrue(confirm.body().contains("<option value=\"" + city.id() + "\">City</option>"), confirm.body());
        HttpResponse<String> refused = editor.post("/newsroom/topics/" + used.id() + "/delete", "into", "");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("used by 1 published story: “Tram line opens”."), refused.body());
        assertTrue(refused.body().contains("Merge it into another topic"), refused.body());

        HttpResponse<String> merged = editor.post("/newsroom/topics/" + used.id() + "/delete", "into", city.id());
        assertEquals(303, merged.statusCode(), merged.body());
        assertEquals("/newsroom/topics/" + city.id() + "?notice=topic-merged", NewsroomClient.location(merged));
        assertEquals(
                city.id(),
                web.newsroom
                        .services
                        .stories()
                        .find(live.id())
                        .orElseThrow()
                        .draft()
                        .topicId());
        assertTrue(web.newsroom.services.topics().find(used.id()).isEmpty());
    }

    @Test
    void anAuthorOnABylineAndAPinnedDashboardAreKeptWithTheirUsersNamed() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        Story live = published("Tram line opens");
        String bylined = live.draft().authorIds().getFirst();
        Dashboard dashboard = web.newsroom
                .services
                .dashboardService()
                .create(Actor.SYSTEM, new DashboardFields("trams", "Trams", null, null, null, List.of()));
        web.newsroom.services.storyService().pin(Actor.SYSTEM, live.id(), live.revision(), List.of("trams"));

        HttpResponse<String> author = editor.post("/newsroom/authors/" + bylined + "/delete");
        assertEquals(409, author.statusCode());
        assertTrue(author.body().contains("used by 1 published story: “Tram line opens”."), author.body());
        HttpResponse<String> pinned =
                editor.post("/newsroom/dashboards/" + dashboard.id() + "/delete", "revision", "1");
        assertEquals(409, pinned.statusCode());
        assertTrue(pinned.body().contains("used by 1 published story: “Tram line opens”."), pinned.body());

        Author free = web.newsroom.author("free", "Free Lance");
        HttpResponse<String> deleted = editor.post("/newsroom/authors/" + free.id() + "/delete");
        assertEquals(303, deleted.statusCode(), deleted.body());
        assertTrue(web.newsroom.services.authors().find(free.id()).isEmpty());
        assertTrue(web.newsroom.services.authors().find(bylined).isPresent());
        assertTrue(web.newsroom.services.dashboards().find(dashboard.id()).isPresent());
    }

    @Test
    void theAuditLogShowsDeletionsAndMerges() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        Author free = web.newsroom.author("free", "Free Lance");
        Topic a = web.newsroom.topic("old-news", "Old news");
        Topic b = web.newsroom.topic("news", "News");
        assertEquals(
                303, admin.post("/newsroom/authors/" + free.id() + "/delete").statusCode());
        assertEquals(
                303,
                admin.post("/newsroom/topics/" + a.id() + "/delete", "into", b.id())
                        .statusCode());

        String log = admin.get("/newsroom/audit").body();
        assertTrue(log.contains("deleted author free"), log);
        assertTrue(log.contains("merged topic old-news (into news)"), log);
    }
}
