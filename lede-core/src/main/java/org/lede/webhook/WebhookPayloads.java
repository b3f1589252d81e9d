package org.lede.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lede.author.AuthorStore;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardStore;
import org.lede.outbox.Event;
import org.lede.outbox.Events;
import org.lede.outbox.OutboxEvent;
import org.lede.reading.SiteSettings;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.story.StoryStore;
import org.lede.topic.TopicStore;

/**
 * The body of each event type: what an integrator needs to act without calling back (ids, slugs,
 * absolute URLs, the headline or name), read when the delivery is made.
 */
public final class WebhookPayloads {
    private final StoryStore stories;
    private final DashboardStore dashboards;
    private final TopicStore topics;
    private final AuthorStore authors;
    private final SiteSettings site;

    public WebhookPayloads(
            StoryStore stories, DashboardStore dashboards, TopicStore topics, AuthorStore authors, SiteSettings site) {
        this.stories = stories;
        this.dashboards = dashboards;
        this.topics = topics;
        this.authors = authors;
        this.site = site;
    }

    public WebhookMessage of(OutboxEvent stored) {
        Map<String, Object> data = new LinkedHashMap<>();
        Event event = Events.fromOutbox(stored);
        switch (event) {
            case Event.StoryChanged s -> {
                Optional<Story> story = stories.find(s.storyId());
                data.put("id", s.storyId());
                data.put("slug", s.slug());
                data.put(
                        "url",
                        story.map(st -> Urls.story(st, site.zone()))
                                .map(this::absolute)
                                .orElse(null));
                data.put("headline", story.map(Story::headline).orElse(null));
                data.put("status", s.status());
                data.put("revision", s.revision());
                data.put("update_kind", s.updateKind());
            }
            case Event.DashboardSaved d -> {
                data.put("id", d.dashboardId());
                data.put("slug", d.slug());
                data.put("url", absolute(Urls.dashboard(d.slug())));
                data.put(
                        "title",
                        dashboards.find(d.dashboardId()).map(Dashboard::title).orElse(null));
                data.put("revision", d.revision());
            }
            case Event.DashboardDeleted d -> {
                data.put("id", d.dashboardId());
                data.put("slug", d.slug());
            }
            case Event.TopicSaved t -> {
                data.put("id", t.topicId());
                data.put("slug", t.slug());
                data.put("url", absolute(Urls.topic(t.slug())));
                data.put("name", topics.find(t.topicId()).map(x -> x.name()).orElse(null));
            }
            case Event.TopicDeleted t -> {
                data.put("id", t.topicId());
                data.put("slug", t.slug());
                data.put("merged_into", t.mergedInto());
                data.put("merged_into_url", t.mergedInto() == null ? null : absolute(Urls.topic(t.mergedInto())));
            }
            case Event.AuthorSaved a -> {
                data.put("id", a.authorId());
                data.put("slug", a.slug());
                data.put("url", absolute(Urls.author(a.slug())));
                data.put("name", authors.find(a.authorId()).map(x -> x.name()).orElse(null));
            }
            case Event.AuthorDeleted a -> {
                data.put("id", a.authorId());
                data.put("slug", a.slug());
            }
            case Event.WebhookChanged w -> {
                data.put("endpoint_id", w.endpointId());
                data.put("message", "A test event from " + site.name() + ", sent from the newsroom.");
            }
            default -> throw new IllegalArgumentException("Webhooks do not carry " + stored.type() + " events");
        }
        return new WebhookMessage(stored.type(), stored.at(), data);
    }

    private String absolute(String path) {
        return path == null ? null : site.baseUrl() + path;
    }
}
