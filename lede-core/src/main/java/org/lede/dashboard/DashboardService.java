package org.lede.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lede.common.ConflictException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Reference;
import org.lede.common.StaleRevisionException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.content.ImageBlock;
import org.lede.media.MediaStore;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.outbox.PageKeys;
import org.lede.story.StoryStore;
import org.lede.topic.TopicStore;
import org.lede.user.Actor;

/** Curated hubs. Editors curate; every change bumps the dashboard's "Updated" time and appends {@code dashboard.updated}. */
public final class DashboardService {
    private final Transactions tx;
    private final DashboardStore dashboards;
    private final StoryStore stories;
    private final TopicStore topics;
    private final MediaStore media;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public DashboardService(
            Transactions tx,
            DashboardStore dashboards,
            StoryStore stories,
            TopicStore topics,
            MediaStore media,
            Outbox outbox,
            Clock clock,
            Ids ids) {
        this.tx = tx;
        this.dashboards = dashboards;
        this.stories = stories;
        this.topics = topics;
        this.media = media;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    /** The fields an editor sets; the service adds identity and times. */
    public record DashboardFields(
            String slug,
            String title,
            String intro,
            String topicId,
            ImageBlock illustration,
            List<DashboardItem> items) {}

    /**
     * Refuses an actor who may not curate. Callers that prepare a change by reading what only
     * curators may see (story slugs in item lines) ask first, so the refusal comes before any
     * message about what they read.
     */
    public void requireCurator(Actor actor) {
        actor.requireEditor("Only editors and admins curate dashboards.");
    }

    public Dashboard create(Actor actor, DashboardFields form) {
        requireCurator(actor);
        return tx.inTransaction(() -> {
            check(form);
            if (dashboards.findBySlug(form.slug()).isPresent()) {
                throw new ConflictException("The dashboard slug \"" + form.slug() + "\" is already used.");
            }
            Instant now = now();
            Dashboard d = new Dashboard(
                    ids.next(),
                    form.slug(),
                    form.title(),
                    form.intro(),
                    form.topicId(),
                    form.illustration(),
                    form.items(),
                    now,
                    now,
                    1);
            dashboards.insert(d);
            event(actor, null, d);
            return d;
        });
    }

    public Dashboard update(Actor actor, String id, int expectedRevision, DashboardFields form) {
        requireCurator(actor);
        return tx.inTransaction(() -> {
            Dashboard current = dashboards.find(id).orElseThrow(() -> new NotFoundException("Dashboard", id));
            check(form);
            Dashboard next = new Dashboard(
                    id,
                    form.slug(),
                    form.title(),
                    form.intro(),
                    form.topicId(),
                    form.illustration(),
                    form.items(),
                    current.createdAt(),
                    now(),
                    expectedRevision + 1);
            if (current.revision() != expectedRevision || !dashboards.update(next, expectedRevision)) {
                throw new StaleRevisionException("dashboard", expectedRevision, current.revision());
            }
            event(actor, current, next);
            return next;
        });
    }

    /**
     * Deletes a dashboard no story pins; its address answers 410 Gone from then on.
     *
     * @throws ConflictException naming the stories that pin it
     */
    public void delete(Actor actor, String id, int expectedRevision) {
        requireCurator(actor);
        tx.run(() -> {
            Dashboard current = dashboards.find(id).orElseThrow(() -> new NotFoundException("Dashboard", id));
            if (current.revision() != expectedRevision) {
                throw new StaleRevisionException("dashboard", expectedRevision, current.revision());
            }
            Reference.refuseWhileUsed(
                    "the dashboard “" + current.title() + "”",
                    dashboards.uses(id),
                    "Take it out of their Go deeper pins first.");
            Instant now = now();
            if (!dashboards.delete(current, expectedRevision, now)) {
                throw new StaleRevisionException("dashboard", expectedRevision, expectedRevision + 1);
            }
            outbox.append(new Event.DashboardDeleted(id, current.slug(), actor.userId(), now, pagesShowing(current)));
        });
    }

    private void check(DashboardFields form) {
        if (form.illustration() != null
                && media.find(form.illustration().mediaId()).isEmpty()) {
            throw new ValidationException(
                    "illustration", "The illustration is not in the media library; choose another.");
        }
        if (form.topicId() != null && topics.find(form.topicId()).isEmpty()) {
            throw new ValidationException("topic", "There is no topic with the id \"" + form.topicId() + "\".");
        }
        for (DashboardItem item : form.items()) {
            for (DashboardEntry entry : item.entries()) {
                if (entry.storyId() != null && stories.find(entry.storyId()).isEmpty()) {
                    throw new ValidationException(
                            "entries", "The item \"" + item.label() + "\" links a story that does not exist.");
                }
            }
        }
    }

    /**
     * Records the change with the pages that show the dashboard before and after it: its own page
     * under both slugs, and the streams that list it (home, and its topic's page).
     */
    private void event(Actor actor, Dashboard before, Dashboard after) {
        Set<String> keys = new HashSet<>();
        for (Dashboard d : before == null ? List.of(after) : List.of(before, after)) {
            keys.addAll(pagesShowing(d));
        }
        outbox.append(new Event.DashboardSaved(
                before == null, after.id(), after.slug(), after.revision(), actor.userId(), after.updatedAt(), keys));
    }

    /** Its own page, and the streams that list it: home and its topic's page (stories' Go deeper carry its key). */
    private Set<String> pagesShowing(Dashboard d) {
        Set<String> keys = new HashSet<>();
        keys.add(PageKeys.dashboard(d.slug()));
        keys.add(PageKeys.HOME);
        if (d.topicId() != null) {
            topics.find(d.topicId()).ifPresent(t -> keys.add(PageKeys.topic(t.slug())));
        }
        return keys;
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
