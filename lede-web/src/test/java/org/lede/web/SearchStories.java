package org.lede.web;

import java.time.Duration;
import java.util.List;
import org.lede.content.Block;
import org.lede.content.Paragraph;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.user.Actor;

/**
 * Stories for search tests, written through the newsroom's own service so the index hears of them
 * the way it hears of any change: from the outbox.
 */
public final class SearchStories {
    private final WebTestServer web;
    private final StoryService stories;

    public SearchStories(WebTestServer web) {
        this.web = web;
        this.stories = web.newsroom.services.storyService();
    }

    /** A publishable draft with this headline and this text as its first paragraph. */
    public StoryDraft draft(String headline, String text) {
        StoryDraft base = web.newsroom.publishableDraft(headline);
        List<Block> body = new java.util.ArrayList<>();
        body.add(Paragraph.of(text));
        body.addAll(base.body());
        return base.withBody(body);
    }

    public Story publish(String headline, String text) {
        return publish(draft(headline, text));
    }

    public Story publish(StoryDraft draft) {
        Story created = stories.createDraft(Actor.SYSTEM, draft);
        Story published = stories.publish(Actor.SYSTEM, created.id(), created.revision());
        // Each story its own minute, so orders by date are plain.
        web.newsroom.clock.advance(Duration.ofMinutes(1));
        return published;
    }

    public Story saveDraft(Actor actor, StoryDraft draft) {
        return stories.createDraft(actor, draft);
    }

    public Story publishDraft(Story draft) {
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    public Story unpublish(Story live) {
        return stories.unpublish(Actor.SYSTEM, live.id(), live.revision());
    }
}
