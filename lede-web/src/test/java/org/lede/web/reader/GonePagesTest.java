package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.story.Story;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.WebServerTest;

/** What readers get at the address of something taken down: 410 Gone, or a 301 to where it went; 404 only for what never was. */
class GonePagesTest extends WebServerTest {

    private Story published(String headline) {
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft(headline));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    @Test
    void anUnpublishedOrArchivedStoryAnswersGoneAndANeverPublishedOne404() {
        var stories = web.newsroom.services.storyService();
        Story live = published("Storm closes the port");
        String url = "/2026/11/20/" + live.slug();
        assertEquals(200, web.get(url).statusCode());

        Story unpublished = stories.unpublish(Actor.SYSTEM, live.id(), live.revision());
        web.catchUp();
        HttpResponse<String> gone = web.get(url);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("This story has been withdrawn"), gone.body());
        assertTrue(gone.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(410, web.get(url + "/related").statusCode());

        stories.archive(Actor.SYSTEM, live.id(), unpublished.revision());
        HttpResponse<String> problem = web.get(url, "Accept", "application/json");
        assertEquals(410, problem.statusCode());
        assertTrue(problem.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(problem.body().contains("\"status\":410"), problem.body());

        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Never out"));
        assertEquals(404, web.get("/2026/11/20/" + draft.slug()).statusCode());
    }

    @Test
    void aDeletedDashboardAnswersGone() {
        Dashboard dashboard = web.newsroom
                .services
                .dashboardService()
                .create(Actor.SYSTEM, new DashboardFields("storm", "Storm", null, null, null, List.of()));
        assertEquals(200, web.get("/dashboards/storm").statusCode(), "cached before the deletion");

        web.newsroom.services.dashboardService().delete(Actor.SYSTEM, dashboard.id(), dashboard.revision());
        web.catchUp();

        HttpResponse<String> gone = web.get("/dashboards/storm");
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("This dashboard has been taken down."), gone.body());
        assertEquals(404, web.get("/dashboards/calm").statusCode());
    }

    @Test
    void aMergedTopicsAddressMovesToItsTargetAndADeletedOnesIsGone() {
        Story live = published("Tram line opens");
        Topic used = web.newsroom.services.topics().find(live.draft().topicId()).orElseThrow();
        Topic city = web.newsroom.topic("city", "City");
        Topic unused = web.newsroom.topic("astronomy", "Astronomy");
        assertEquals(200, web.get("/topics/" + used.slug()).statusCode());

        var topics = web.newsroom.services.topicService();
        topics.delete(Actor.SYSTEM, used.id(), city.id());
        topics.delete(Actor.SYSTEM, unused.id(), null);
        web.catchUp();

        HttpResponse<String> moved = web.get("/topics/" + used.slug());
        assertEquals(301, moved.statusCode());
        assertEquals("/topics/city", moved.headers().firstValue("Location").orElseThrow());
        assertTrue(web.get("/topics/city").body().contains("Tram line opens"));
        assertEquals(410, web.get("/topics/astronomy").statusCode());
        assertEquals(404, web.get("/topics/never-was").statusCode());
    }
}
