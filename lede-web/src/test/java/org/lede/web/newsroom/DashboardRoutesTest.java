package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.WebServerTest;

class DashboardRoutesTest extends WebServerTest {
    Story tram;
    Story ferry;

    @BeforeEach
    void setUp() {
        var stories = web.newsroom.services.storyService();
        tram = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Council extends the tram line"));
        ferry = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("A night ferry for the east side"));
    }

    @Test
    void anEditorCreatesADashboardFromLinesAndGetsTheSameLinesBack() {
        Media art = web.newsroom.image("Storm clouds over the harbor");
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        String items = "Transit: " + tram.slug() + " | https://example.org/plan.pdf The council's plan\n" + "Harbor: "
                + ferry.slug() + "\n";
        HttpResponse<String> created = editor.post(
                "/newsroom/dashboards",
                "title",
                "Getting around",
                "slug",
                "",
                "intro",
                "How the city moves.",
                "topic",
                tram.draft().topicId(),
                "illustration",
                art.id(),
                "caption",
                "Clouds.",
                "credit",
                "Illustration: Maren Holt/Lede",
                "items",
                items);
        assertEquals(303, created.statusCode(), created.body());

        Dashboard dashboard =
                web.newsroom.services.dashboards().findBySlug("getting-around").orElseThrow();
        assertEquals(
                List.of(
                        new DashboardItem(
                                "Transit",
                                List.of(
                                        DashboardEntry.story(tram.id()),
                                        DashboardEntry.link("https://example.org/plan.pdf", "The council's plan"))),
                        new DashboardItem("Harbor", List.of(DashboardEntry.story(ferry.id())))),
                dashboard.items());
        assertEquals(art.id(), dashboard.illustration().mediaId());
        assertEquals("Maren Holt", dashboard.illustration().credit().by());
        assertEquals(
                NewsroomClient.location(created),
                "/newsroom/dashboards/" + dashboard.id() + "?notice=dashboard-created");

        String page = editor.get("/newsroom/dashboards/" + dashboard.id()).body();
        assertTrue(page.contains(">Transit: " + tram.slug() + " | https://example.org/plan.pdf The council"), page);
        assertTrue(page.contains("s plan\nHarbor: " + ferry.slug() + "\n</textarea>"), page);
        assertTrue(page.contains("name=\"revision\" value=\"1\""));

        HttpResponse<String> reordered = editor.post(
                "/newsroom/dashboards/" + dashboard.id(),
                "revision",
                "1",
                "title",
                "Getting around",
                "slug",
                "getting-around",
                "items",
                "Harbor: " + ferry.slug() + "\n");
        assertEquals(303, reordered.statusCode(), reordered.body());
        Dashboard saved =
                web.newsroom.services.dashboards().find(dashboard.id()).orElseThrow();
        assertEquals(2, saved.revision());
        assertEquals(
                List.of("Harbor"),
                saved.items().stream().map(DashboardItem::label).toList());
        assertEquals(null, saved.illustration(), "an emptied illustration field removes it");
    }

    @Test
    void aBadLineIsNamedAndTheTextIsKept() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        String items = "Transit: " + tram.slug() + "\nHarbor: no-such-story\n";
        HttpResponse<String> refused = editor.post("/newsroom/dashboards", "title", "Getting around", "items", items);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Line 2: there is no story with the slug “no-such-story”."), refused.body());
        assertTrue(refused.body().contains("Harbor: no-such-story"), "the editor's text comes back to fix");
        assertTrue(web.newsroom.services.dashboards().all().isEmpty());
    }

    @Test
    void aStaleSaveIsRefusedWithTheServicesMessage() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> created =
                editor.post("/newsroom/dashboards", "title", "Storm", "items", "Lead: " + tram.slug());
        assertEquals(303, created.statusCode(), created.body());
        Dashboard dashboard =
                web.newsroom.services.dashboards().findBySlug("storm").orElseThrow();
        String path = "/newsroom/dashboards/" + dashboard.id();
        assertEquals(
                303,
                editor.post(path, "revision", "1", "title", "Storm", "slug", "storm", "items", "Lead: " + ferry.slug())
                        .statusCode());

        HttpResponse<String> stale = editor.post(
                path,
                "revision",
                "1",
                "title",
                "Storm",
                "slug",
                "storm",
                "items",
                "Lead: " + tram.slug() + "\nMine: " + tram.slug());
        assertEquals(409, stale.statusCode());
        assertTrue(
                stale.body()
                        .contains("changed by someone else since you opened it (you had revision 1, it is now at 2)"),
                stale.body());
        assertTrue(stale.body().contains("Mine: " + tram.slug()), "the stale text is kept");
        assertEquals(
                List.of("Lead"),
                web.newsroom.services.dashboards().find(dashboard.id()).orElseThrow().items().stream()
                        .map(DashboardItem::label)
                        .toList());
    }

    @Test
    void storySearchListsSlugsAsAPageOrAsAFragmentForScript() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        // The finder asks the search index, which follows the outbox in the background.
        Eventually.until(
                "both stories in the index",
                () -> editor.get("/newsroom/dashboards/stories?part=list&q=tram")
                                .body()
                                .contains(ferry.slug())
                        && editor.get("/newsroom/dashboards/stories?part=list&q=ferry")
                                .body()
                                .contains(ferry.slug()));
        HttpResponse<String> page = editor.get("/newsroom/dashboards/stories?q=ferry");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<code>" + ferry.slug() + "</code>"), page.body());
        assertFalse(page.body().contains(tram.slug()), "only the ferry story mentions a ferry");
        assertTrue(page.body().contains("<!DOCTYPE html>"));

        HttpResponse<String> fragment = editor.get("/newsroom/dashboards/stories?part=list&q=tram");
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().strip().startsWith("<ul"), fragment.body());
        assertTrue(fragment.body().contains("<code>" + tram.slug() + "</code>"));

        assertTrue(editor.get("/newsroom/dashboards/stories?part=list&q=zebra")
                .body()
                .contains("No story matches"));
    }

    @Test
    void theStoryFinderShowsAWriterOnlyTheirOwnStories() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        Eventually.until(
                "the tram story in the index",
                () -> editor.get("/newsroom/dashboards/stories?part=list&q=tram")
                        .body()
                        .contains(tram.slug()));
        HttpResponse<String> others = writer.get("/newsroom/dashboards/stories?part=list&q=tram");
        assertEquals(200, others.statusCode());
        assertFalse(others.body().contains(tram.slug()), "another person's story stays hidden");
        Story own = web.newsroom
                .services
                .storyService()
                .createDraft(writer.user().actor(), web.newsroom.publishableDraft("Tram drivers' own draft"));
        Eventually.until(
                "the writer's own draft found",
                () -> writer.get("/newsroom/dashboards/stories?part=list&q=tram")
                        .body()
                        .contains(own.slug()));
        assertFalse(writer.get("/newsroom/dashboards/stories?part=list&q=tram")
                .body()
                .contains(tram.slug()));
    }
}
