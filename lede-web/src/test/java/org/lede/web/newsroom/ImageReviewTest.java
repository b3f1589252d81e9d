package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.media.Media;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** An image's description in a published story changes only through an editor. */
class ImageReviewTest extends WebServerTest {

    /** A published story with {@code hero} as its hero and {@code inBody} in its body. */
    private Story published(Media hero, Media inBody) {
        StoryService stories = web.newsroom.services.storyService();
        StoryDraft base = web.newsroom.publishableDraft("Harbor cranes come down");
        List<Block> body = new ArrayList<>(base.body());
        body.add(new ImageBlock(inBody.id(), "The east pier.", Credit.photo("Ines Vidal", null)));
        StoryDraft draft = base.withHero(new ImageBlock(hero.id(), "The cranes.", Credit.photo("Ana Ruiz", null)))
                .withBody(body);
        Story story = stories.createDraft(Actor.SYSTEM, draft);
        return stories.publish(Actor.SYSTEM, story.id(), story.revision());
    }

    @Test
    void aContributorCannotDescribeAnImageOfAPublishedStoryButMayDescribeOneOfADraft() {
        Media live = web.newsroom.image("Cranes at dawn");
        Media body = web.newsroom.image("The east pier at dawn");
        published(live, body);
        Media drafted = web.newsroom.image(null);
        StoryDraft draft = web.newsroom.publishableDraft("A draft").withHero(new ImageBlock(drafted.id(), null, null));
        web.newsroom.services.storyService().createDraft(Actor.SYSTEM, draft);
        NewsroomClient contributor = NewsroomClient.as(web, Role.CONTRIBUTOR);

        for (Media used : List.of(live, body)) {
            HttpResponse<String> refused =
                    contributor.post("/newsroom/media/" + used.id(), "alt", "Something else entirely");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("used by 1 published story"), refused.body());
            assertEquals(
                    used.alt(),
                    web.newsroom.services.media().find(used.id()).orElseThrow().alt());
        }

        HttpResponse<String> described = contributor.post("/newsroom/media/" + drafted.id(), "alt", "A new crane");
        assertEquals(303, described.statusCode(), described.body());
        assertEquals(
                "A new crane",
                web.newsroom.services.media().find(drafted.id()).orElseThrow().alt());
    }

    @Test
    void anEditorsChangeToTheMediaRecordReachesAPublishedStoryOnlyWhenTheStoryIsUpdated() {
        Media hero = web.newsroom.image("Cranes at dawn");
        Media inBody = web.newsroom.image("The east pier at dawn");
        Story story = published(hero, inBody);
        String path = Urls.story(story, ZoneId.of("UTC"));
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);

        assertEquals(
                303,
                editor.post("/newsroom/media/" + hero.id(), "alt", "Rewritten hero alt")
                        .statusCode());
        assertEquals(
                303,
                editor.post("/newsroom/media/" + inBody.id(), "alt", "Rewritten body alt")
                        .statusCode());
        web.catchUp();
        String page = web.get(path).body();
        assertTrue(page.contains("alt=\"Cranes at dawn\""), page);
        assertTrue(page.contains("alt=\"The east pier at dawn\""), page);
        assertFalse(page.contains("Rewritten"), page);

        StoryService stories = web.newsroom.services.storyService();
        Story current = stories.get(story.id());
        Actor editorActor = editor.user().actor();
        // The editor form sends the story as authoring text, which carries no alt text of its own.
        StoryDraft fromForm = current.draft()
                .withHero(new ImageBlock(hero.id(), "The cranes.", Credit.photo("Ana Ruiz", null)))
                .withBody(current.draft().body().stream()
                        .map(b -> b instanceof ImageBlock i ? new ImageBlock(i.mediaId(), i.caption(), i.credit()) : b)
                        .toList());
        stories.update(editorActor, story.id(), current.revision(), fromForm, UpdateKind.MINOR);
        web.catchUp();
        String updated = web.get(path).body();
        assertTrue(updated.contains("alt=\"Rewritten hero alt\""), updated);
        assertTrue(updated.contains("alt=\"Rewritten body alt\""), updated);
    }
}
