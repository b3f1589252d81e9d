package org.lede.story;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Slugs;
import org.lede.common.StaleRevisionException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;
import org.lede.user.Actor;
import org.lede.user.Role;

/**
 * The write side of stories. Every method is one transaction that saves the story, keeps a
 * revision and appends its outbox event; a failure anywhere leaves nothing behind. Saves name
 * the revision they started from and are refused when someone else saved in between.
 */
public final class StoryService {
    private static final String PUBLISHERS_ONLY = "Only editors and admins can publish, schedule, update or unpublish stories.";
    private final Transactions tx;
    private final StoryStore stories;
    private final Outbox outbox;
    private final PublishRules rules;
    private final Clock clock;
    private final Ids ids;

    public StoryService(Transactions tx, StoryStore stories, Outbox outbox, PublishRules rules, Clock clock, Ids ids) {
        this.tx = tx;
        this.stories = stories;
        this.outbox = outbox;
        this.rules = rules;
        this.clock = clock;
        this.ids = ids;
    }

    public Story get(String id) {
        return stories.find(id).orElseThrow(() -> new NotFoundException("Story", id));
    }

    /** A story to open in the newsroom: editors open any; writers and contributors only their own. */
    public Story getForEditing(Actor actor, String id) {
        Story story = get(id);
        if (!actor.role().canPublish() && !actor.userId().equals(story.createdBy())) {
            throw new ForbiddenException("You can open only the stories you created.");
        }
        return story;
    }

    /** The newsroom's story list as this actor may see it: everything for editors, their own for others. */
    public List<Story> list(Actor actor, StoryStatus status, String query, int limit, int offset) {
        return stories.list(status, query, actor.role().canPublish() ? null : actor.userId(), limit, offset);
    }

    public Story createDraft(Actor actor, StoryDraft draft) {
        return tx.inTransaction(() -> {
            rules.checkReferences(draft);
            Instant now = now();
            String slug = draft.slug() == null ? freeSlug(Slugs.slugify(draft.headline())) : claim(draft.slug());
            Story story = new Story(ids.next(), draft.withSlug(slug), StoryStatus.DRAFT, null, null, null, now, now,
                    actor.userId(), 1, List.of(), List.of());
            stories.insert(story);
            record(actor, story, "story.created");
            return story;
        });
    }

    /** Changes a story that is not live. Live stories change through {@link #update}. */
    public Story edit(Actor actor, String id, int expectedRevision, StoryDraft draft) {
        return edit(actor, id, expectedRevision, draft, "story.edited", Map.of());
    }

    private Story edit(Actor actor, String id, int expectedRevision, StoryDraft draft, String event, Map<String, String> extra) {
        return save(actor, id, expectedRevision, event, current -> {
            checkCanEdit(actor, current);
            if (current.isLive()) {
                throw new ConflictException("This story is live: save it as an update (substantive or minor) instead.");
            }
            return current.withDraft(withSlugRules(current, draft));
        }, extra);
    }

    /** A writer hands a draft to the editors. */
    public Story submitForReview(Actor actor, String id, int expectedRevision) {
        return save(actor, id, expectedRevision, "story.submitted", current -> {
            checkCanEdit(actor, current);
            if (actor.role() == Role.CONTRIBUTOR) {
                throw new ForbiddenException("Contributors write drafts; an editor or writer submits them for review.");
            }
            requireStatus(current, "submit it for review", StoryStatus.DRAFT, StoryStatus.UNPUBLISHED);
            return current.withStatus(StoryStatus.IN_REVIEW, current.publishAt(), current.firstPublishedAt(),
                    current.substantiveAt());
        });
    }

    public Story publish(Actor actor, String id, int expectedRevision) {
        return save(actor, id, expectedRevision, "story.published", current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            requireStatus(current, "publish it", StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.SCHEDULED,
                    StoryStatus.UNPUBLISHED);
            rules.checkPublishable(current.draft());
            return goLive(current, now());
        });
    }

    /** Publishes at {@code at}; a time already past publishes on the scheduler's next pass. */
    public Story schedule(Actor actor, String id, int expectedRevision, Instant at) {
        return save(actor, id, expectedRevision, "story.scheduled", current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            requireStatus(current, "schedule it", StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.SCHEDULED,
                    StoryStatus.UNPUBLISHED);
            rules.checkPublishable(current.draft());
            return current.withStatus(StoryStatus.SCHEDULED, at.truncatedTo(ChronoUnit.MILLIS),
                    current.firstPublishedAt(), current.substantiveAt());
        });
    }

    /**
     * Publishes every scheduled story whose time has come, keeping its intended time as its
     * publish time, so a story due while the server was down goes out at start-up as if on time.
     *
     * @return the stories published
     */
    public List<Story> publishDue() {
        List<Story> published = new ArrayList<>();
        for (Story due : stories.dueForPublishing(now())) {
            published.add(save(Actor.SYSTEM, due.id(), due.revision(), "story.published",
                    current -> goLive(current, current.publishAt())));
        }
        return published;
    }

    /** Changes a live story. Only a substantive update moves its "Updated" time. */
    public Story update(Actor actor, String id, int expectedRevision, StoryDraft draft, UpdateKind kind) {
        return update(actor, id, expectedRevision, draft, kind, "story.updated", Map.of());
    }

    private Story update(Actor actor, String id, int expectedRevision, StoryDraft draft, UpdateKind kind, String event,
                         Map<String, String> extra) {
        Map<String, String> data = new java.util.HashMap<>(extra);
        data.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        return save(actor, id, expectedRevision, event, current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            requireStatus(current, "update it", StoryStatus.PUBLISHED);
            StoryDraft next = withSlugRules(current, draft);
            rules.checkPublishable(next);
            Story changed = current.withDraft(next);
            return kind == UpdateKind.SUBSTANTIVE
                    ? changed.withStatus(StoryStatus.PUBLISHED, current.publishAt(), current.firstPublishedAt(), now())
                    : changed;
        }, data);
    }

    public Story unpublish(Actor actor, String id, int expectedRevision) {
        return save(actor, id, expectedRevision, "story.unpublished", current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            requireStatus(current, "unpublish it", StoryStatus.PUBLISHED, StoryStatus.SCHEDULED);
            return current.withStatus(StoryStatus.UNPUBLISHED, current.publishAt(), current.firstPublishedAt(),
                    current.substantiveAt());
        });
    }

    public Story addCorrection(Actor actor, String id, int expectedRevision, String text) {
        return save(actor, id, expectedRevision, "story.corrected", current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            requireStatus(current, "correct it", StoryStatus.PUBLISHED);
            List<Correction> corrections = new ArrayList<>(current.corrections());
            corrections.add(new Correction(now(), text));
            return current.withCorrections(corrections);
        });
    }

    /**
     * Brings back the text of an earlier revision as a new one; nothing is lost, since the
     * current text stays in the history. A live story takes it as a minor update.
     */
    public Story restore(Actor actor, String id, int expectedRevision, int revision) {
        StoryDraft old = stories.revision(id, revision)
                .orElseThrow(() -> new NotFoundException("Revision " + revision + " of story", id)).snapshot().draft();
        Story current = get(id);
        Map<String, String> from = Map.of("from", Integer.toString(revision));
        return current.isLive()
                ? update(actor, id, expectedRevision, old.withSlug(current.slug()), UpdateKind.MINOR, "story.restored", from)
                : edit(actor, id, expectedRevision, old.withSlug(current.firstPublishedAt() == null ? old.slug() : current.slug()),
                        "story.restored", from);
    }

    /** The editors' pins for Go deeper under this story, in order. */
    public Story pin(Actor actor, String id, int expectedRevision, List<String> pins) {
        return save(actor, id, expectedRevision, "story.pinned", current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            List<String> valid = pins.stream().filter(p -> !p.equals(id)).distinct().toList();
            return current.withPins(valid);
        });
    }

    /** Sets the home page's top stories; only live stories may lead it. */
    public void setTopStories(Actor actor, List<String> ids) {
        actor.requireEditor(PUBLISHERS_ONLY);
        tx.run(() -> {
            for (String storyId : ids) {
                if (!get(storyId).isLive()) {
                    throw new ValidationException("top", "Only published stories can be top stories.");
                }
            }
            stories.setTopStoryIds(ids.stream().distinct().toList());
            outbox.append(OutboxEvent.of("home.updated", "home", actor.userId(), now()));
        });
    }

    private static Story goLive(Story current, Instant publishAt) {
        Instant first = current.firstPublishedAt() == null ? publishAt : current.firstPublishedAt();
        return current.withStatus(StoryStatus.PUBLISHED, publishAt, first, current.substantiveAt());
    }

    private interface Change {
        Story apply(Story current);
    }

    private Story save(Actor actor, String id, int expectedRevision, String event, Change change) {
        return save(actor, id, expectedRevision, event, change, Map.of());
    }

    private Story save(Actor actor, String id, int expectedRevision, String event, Change change,
                       Map<String, String> extra) {
        return tx.inTransaction(() -> {
            Story current = get(id);
            if (current.revision() != expectedRevision) {
                throw new StaleRevisionException("story", expectedRevision, current.revision());
            }
            Story next = change.apply(current).revised(now());
            rules.checkReferences(next.draft());
            if (!stories.update(next, expectedRevision)) {
                // Another writer committed between our read and our write.
                int now = stories.revisionOf(id).orElseThrow(() -> new NotFoundException("Story", id));
                throw new StaleRevisionException("story", expectedRevision, now);
            }
            record(actor, next, event, extra);
            return next;
        });
    }

    private void record(Actor actor, Story story, String event) {
        record(actor, story, event, Map.of());
    }

    private void record(Actor actor, Story story, String event, Map<String, String> extra) {
        stories.addRevision(new StoryRevision(story.id(), story.revision(), event, actor.userId(), story.updatedAt(), story));
        Map<String, String> data = new java.util.HashMap<>(extra);
        data.put("slug", story.slug());
        data.put("revision", Integer.toString(story.revision()));
        data.put("status", story.status().key());
        data.put("actor", actor.userId());
        outbox.append(new OutboxEvent(0, event, story.id(), data, story.updatedAt()));
    }

    /** Keeps the slug once a story has been live, since its URL is out in the world by then. */
    private StoryDraft withSlugRules(Story current, StoryDraft draft) {
        if (draft.slug() == null || draft.slug().equals(current.slug())) {
            return draft.withSlug(current.slug());
        }
        if (current.firstPublishedAt() != null) {
            throw new ValidationException("slug", "The slug of a story that has been published stays \""
                    + current.slug() + "\", so links to it keep working.");
        }
        return draft.withSlug(claim(draft.slug()));
    }

    private String claim(String slug) {
        if (stories.slugTaken(slug)) {
            throw new ConflictException("The slug \"" + slug + "\" is already used by another story.");
        }
        return slug;
    }

    private String freeSlug(String base) {
        String slug = base;
        for (int n = 2; stories.slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static void requireStatus(Story story, String action, StoryStatus... allowed) {
        for (StoryStatus status : allowed) {
            if (story.status() == status) {
                return;
            }
        }
        throw new ConflictException("This story is " + story.status().key().replace('-', ' ') + ", so you cannot " + action + ".");
    }


    /** Editors edit any story; writers and contributors only their own, and only before it goes live. */
    private static void checkCanEdit(Actor actor, Story story) {
        if (actor.role().canPublish()) {
            return;
        }
        if (!actor.userId().equals(story.createdBy())) {
            throw new ForbiddenException("You can only edit stories you created.");
        }
        if (actor.role() == Role.CONTRIBUTOR && story.status() != StoryStatus.DRAFT) {
            throw new ForbiddenException("Contributors can edit their drafts only.");
        }
        if (story.status() != StoryStatus.DRAFT && story.status() != StoryStatus.IN_REVIEW
                && story.status() != StoryStatus.UNPUBLISHED) {
            throw new ForbiddenException("Only editors can change a story that is scheduled or live.");
        }
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
