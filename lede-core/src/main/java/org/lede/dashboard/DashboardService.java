package org.lede.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lede.common.ConflictException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.StaleRevisionException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;
import org.lede.story.StoryStore;
import org.lede.topic.TopicStore;
import org.lede.user.Actor;

/** Curated hubs. Editors curate; every change bumps the dashboard's "Updated" time and appends {@code dashboard.updated}. */
public final class DashboardService {
    private final Transactions tx;
    private final DashboardStore dashboards;
    private final StoryStore stories;
    private final TopicStore topics;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public DashboardService(Transactions tx, DashboardStore dashboards, StoryStore stories, TopicStore topics,
                            Outbox outbox, Clock clock, Ids ids) {
        this.tx = tx;
        this.dashboards = dashboards;
        this.stories = stories;
        this.topics = topics;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    /** The fields an editor sets; the service adds identity and times. */
    public record DashboardForm(String slug, String title, String intro, String topicId,
                                org.lede.content.ImageBlock illustration, List<DashboardItem> items) {
    }

    public Dashboard create(Actor actor, DashboardForm form) {
        actor.requireEditor("Only editors and admins curate dashboards.");
        return tx.inTransaction(() -> {
            check(form);
            if (dashboards.findBySlug(form.slug()).isPresent()) {
                throw new ConflictException("The dashboard slug \"" + form.slug() + "\" is already used.");
            }
            Instant now = now();
            Dashboard d = new Dashboard(ids.next(), form.slug(), form.title(), form.intro(), form.topicId(),
                    form.illustration(), form.items(), now, now, 1);
            dashboards.insert(d);
            event(actor, d, "dashboard.created");
            return d;
        });
    }

    public Dashboard update(Actor actor, String id, int expectedRevision, DashboardForm form) {
        actor.requireEditor("Only editors and admins curate dashboards.");
        return tx.inTransaction(() -> {
            Dashboard current = dashboards.find(id).orElseThrow(() -> new NotFoundException("Dashboard", id));
            check(form);
            Dashboard next = new Dashboard(id, form.slug(), form.title(), form.intro(), form.topicId(),
                    form.illustration(), form.items(), current.createdAt(), now(), expectedRevision + 1);
            if (current.revision() != expectedRevision || !dashboards.update(next, expectedRevision)) {
                throw new StaleRevisionException("dashboard", expectedRevision, current.revision());
            }
            event(actor, next, "dashboard.updated");
            return next;
        });
    }

    private void check(DashboardForm form) {
        if (form.topicId() != null && topics.find(form.topicId()).isEmpty()) {
            throw new ValidationException("topic", "There is no topic with the id \"" + form.topicId() + "\".");
        }
        for (DashboardItem item : form.items()) {
            for (DashboardEntry entry : item.entries()) {
                if (entry.storyId() != null && stories.find(entry.storyId()).isEmpty()) {
                    throw new ValidationException("entries", "The item \"" + item.label() + "\" links a story that does not exist.");
                }
            }
        }
    }

    private void event(Actor actor, Dashboard d, String type) {
        outbox.append(OutboxEvent.of(type, d.id(), actor.userId(), d.updatedAt(), "slug", d.slug(),
                "revision", Integer.toString(d.revision())));
    }


    private Instant now() {
        return Instants.now(clock);
    }
}
