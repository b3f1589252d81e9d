package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lede.topic.Topic;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

class TopicRoutesTest extends WebServerTest {

    @Test
    void aContributorCannotCreateTopics() {
        NewsroomClient contributor = NewsroomClient.as(web, Role.CONTRIBUTOR);
        HttpResponse<String> refused = contributor.post(
                "/newsroom/topics", "slug", "transit", "name", "Transit", "description", "", "position", "1");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Only editors and admins manage topics."), refused.body());
        assertTrue(web.newsroom.services.topics().all().isEmpty());
    }

    @Test
    void anEditorCreatesATopicAndEditsIt() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> created = editor.post(
                "/newsroom/topics",
                "slug",
                "",
                "name",
                "Transit & Roads",
                "description",
                "Trams, buses and bridges.",
                "position",
                "4");
        assertEquals(303, created.statusCode(), created.body());
        Topic topic = web.newsroom
                .services
                .topics()
                .findBySlug("transit-roads")
                .orElseThrow(() -> new AssertionError("the slug is made from the name when left empty"));
        assertEquals(4, topic.position());
        assertTrue(editor.get(NewsroomClient.location(created))
                .body()
                .contains("Created the topic “Transit &amp; Roads”."));
        assertTrue(editor.get("/newsroom/topics").body().contains("href=\"/newsroom/topics/" + topic.id() + "\""));

        HttpResponse<String> edited = editor.post(
                "/newsroom/topics/" + topic.id(),
                "slug",
                "transit",
                "name",
                "Transit",
                "description",
                "Getting around the city.",
                "position",
                "2");
        assertEquals(303, edited.statusCode(), edited.body());
        assertEquals(
                new Topic(topic.id(), "transit", "Transit", "Getting around the city.", 2),
                web.newsroom.services.topics().find(topic.id()).orElseThrow());
        assertTrue(editor.get("/newsroom/topics/" + topic.id()).body().contains("value=\"Getting around the city.\""));
    }

    @Test
    void aTakenSlugOrABadPositionIsShownOnTheFormAsTyped() {
        web.newsroom.topic("politics", "Politics");
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> taken = editor.post(
                "/newsroom/topics", "slug", "politics", "name", "Policy", "description", "", "position", "3");
        assertEquals(409, taken.statusCode());
        assertTrue(
                taken.body().contains("The topic slug &#34;politics&#34; is already used.")
                        || taken.body().contains("The topic slug \"politics\" is already used."),
                taken.body());
        assertTrue(taken.body().contains("value=\"Policy\""));

        HttpResponse<String> position = editor.post(
                "/newsroom/topics", "slug", "policy", "name", "Policy", "description", "", "position", "third");
        assertEquals(422, position.statusCode());
        assertTrue(position.body().contains("The position is a whole number"), position.body());
        assertEquals(1, web.newsroom.services.topics().all().size());
    }

    @Test
    void readerPagesShowATopicsNewNameOnceTheServerHasReadItsEvent() {
        Topic transit = web.newsroom.topic("transit", "Transit");
        web.catchUp();
        assertTrue(web.get("/").body().contains(">Transit</a>"), "the navigation names the topic");

        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> edited = editor.post(
                "/newsroom/topics/" + transit.id(),
                "slug",
                "transit",
                "name",
                "Trams and Buses",
                "description",
                "",
                "position",
                String.valueOf(transit.position()));
        assertEquals(303, edited.statusCode(), edited.body());
        web.catchUp();
        String home = web.get("/").body();
        assertTrue(home.contains(">Trams and Buses</a>"), home);
        String topicPage = web.get("/topics/transit").body();
        assertTrue(topicPage.contains(">Trams and Buses</a>") && !topicPage.contains(">Transit</a>"), topicPage);
    }
}
