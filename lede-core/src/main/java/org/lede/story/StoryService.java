package org.lede.story;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Reference;
import org.lede.common.Slugs;
import org.lede.common.StaleRevisionException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Event;
import org.lede.outbox.Event.StoryAction;
import org.lede.outbox.Outbox;
import org.lede.story.StoryCommand.Action;
import org.lede.user.Actor;
import org.lede.user.Role;

/**
 * The write side of stories. Every public method is one user action and one transaction that it
 * owns: it saves the story, keeps one revision and appends one event naming the reader pages it
 * touched; a failure anywhere leaves nothing behind. Saves name the revision they started from
 * and are refused when someone else saved in between.
 */
public final class StoryService {
    private static final String PUBLISHERS_ONLY =
            "Only editors and admins can publish, schedule, update or unpublish stories.";
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

    /** A revision of a story this actor may open. */
    public StoryRevision revision(Actor actor, String id, int revision) {
        getForEditing(actor, id);
        return stories.revision(id, revision)
                .orElseThrow(() -> new NotFoundException("Revision " + revision + " of story", id));
    }

    /** Every revision of a story this actor may open, newest first as the store keeps them. */
    public List<StoryRevision> revisions(Actor actor, String id) {
        getForEditing(actor, id);
        return stories.revisions(id);
    }

    /**
     * What changed since {@code since}, for a writer whose save was refused as stale. Empty
     * changes when that revision is unknown.
     */
    public StaleSave changesSince(Actor actor, String id, int since) {
        Story current = getForEditing(actor, id);
        return stories.revision(id, since)
                .map(theirs -> StaleSave.between(theirs.snapshot(), current))
                .orElseGet(() -> new StaleSave(current, List.of(), List.of()));
    }

    public Story createDraft(Actor actor, StoryDraft draft) {
        return tx.inTransaction(() -> {
            rules.checkReferences(draft);
            String slug = draft.slug() == null ? freeSlug(Slugs.slugify(draft.headline())) : claim(null, draft.slug());
            return insertNew(actor, draft, slug, StoryStatus.DRAFT, null, StoryAction.CREATED, null);
        });
    }

    /**
     * Saves a story that did not exist, as its first revision, with the event of the state it is
     * saved in; {@code places} names the reader pages a live story appears on (null when not live).
     */
    private Story insertNew(
            Actor actor,
            StoryDraft draft,
            String slug,
            StoryStatus status,
            Instant at,
            StoryAction action,
            StoryPlaces places) {
        Instant now = now();
        Story story = new Story(
                ids.next(),
                rules.withAltText(draft).withSlug(slug),
                status,
                at,
                status == StoryStatus.PUBLISHED ? at : null,
                null,
                now,
                now,
                actor.userId(),
                1,
                List.of(),
                List.of(),
                null);
        stories.insert(story);
        record(actor, story, action, null, null, story.isLive() ? places.pageKeys(story.id()) : Set.of());
        return story;
    }

    /**
     * Brings in a story from another site in the state it had there, as one revision and one
     * event: the event of that state ({@code story.published} for a published story, so feeds,
     * caches and webhooks hear of it as of any other), never a creation followed by a publication.
     *
     * @param status    {@link StoryStatus#DRAFT}, {@link StoryStatus#IN_REVIEW}, {@link
     *                  StoryStatus#SCHEDULED} or {@link StoryStatus#PUBLISHED}
     * @param publishAt when it went live there (published; null for now) or goes live (scheduled)
     * @return the story, with the draft's slug when no story has or had it, else one made from it
     * @throws ValidationException when a published or scheduled story fails the publishing rules;
     *     nothing is written, so the caller may bring it in as a draft instead
     */
    public Story importStory(Actor actor, StoryDraft draft, StoryStatus status, Instant publishAt) {
        return tx.inTransaction(() -> {
            StoryPlaces places = rules.placesOfNew(draft);
            Instant now = now();
            StoryAction action;
            Instant at = null;
            switch (status) {
                case DRAFT -> action = StoryAction.CREATED;
                case IN_REVIEW -> action = StoryAction.SUBMITTED;
                case PUBLISHED, SCHEDULED -> {
                    actor.requireEditor(PUBLISHERS_ONLY);
                    List<ValidationException> problems = rules.archiveProblems(draft);
                    if (!problems.isEmpty()) {
                        throw problems.getFirst();
                    }
                    if (status == StoryStatus.PUBLISHED) {
                        action = StoryAction.PUBLISHED;
                        at = publishedAt(publishAt);
                    } else {
                        action = StoryAction.SCHEDULED;
                        at = (publishAt == null ? now : publishAt).truncatedTo(ChronoUnit.MILLIS);
                    }
                }
                default -> throw new IllegalArgumentException("A story cannot be imported as " + status.key() + ".");
            }
            String slug = freeSlug(draft.slug() == null ? Slugs.slugify(draft.headline()) : draft.slug());
            return insertNew(actor, draft, slug, status, at, action, places);
        });
    }

    /**
     * Carries out one newsroom action with the fields saved along with it, as one revision and
     * one event. The checks run in the order a person would meet them: may this actor change
     * these fields, then may they take this action, then is the story ready for it.
     */
    public Story apply(Actor actor, String id, int expectedRevision, StoryCommand command) {
        Action action = command.action();
        return save(actor, id, expectedRevision, eventOf(action), updateKindOf(action), null, current -> {
            Story next = current;
            if (command.draft() != null) {
                next = action == Action.UPDATE_MINOR || action == Action.UPDATE_SUBSTANTIVE
                        ? updated(actor, current, command.draft(), action == Action.UPDATE_SUBSTANTIVE)
                        : edited(actor, current, command.draft());
            }
            next = switch (action) {
                case SAVE, UPDATE_MINOR, UPDATE_SUBSTANTIVE -> next;
                case SUBMIT -> submitted(actor, current, next);
                case PUBLISH -> {
                    actor.requireEditor(PUBLISHERS_ONLY);
                    requireStatus(
                            current,
                            "publish it",
                            StoryStatus.DRAFT,
                            StoryStatus.IN_REVIEW,
                            StoryStatus.SCHEDULED,
                            StoryStatus.UNPUBLISHED);
                    rules.checkPublishable(next.draft());
                    yield goLive(next, publishedAt(command.publishAt()));
                }
                case SCHEDULE -> {
                    actor.requireEditor(PUBLISHERS_ONLY);
                    requireStatus(
                            current,
                            "schedule it",
                            StoryStatus.DRAFT,
                            StoryStatus.IN_REVIEW,
                            StoryStatus.SCHEDULED,
                            StoryStatus.UNPUBLISHED);
                    rules.checkPublishable(next.draft());
                    yield next.withStatus(
                            StoryStatus.SCHEDULED,
                            command.publishAt().truncatedTo(ChronoUnit.MILLIS),
                            next.firstPublishedAt(),
                            next.substantiveAt());
                }
                case UNPUBLISH -> {
                    actor.requireEditor(PUBLISHERS_ONLY);
                    requireStatus(current, "unpublish it", StoryStatus.PUBLISHED, StoryStatus.SCHEDULED);
                    yield next.withStatus(
                            StoryStatus.UNPUBLISHED, next.publishAt(), next.firstPublishedAt(), next.substantiveAt());
                }
            };
            return command.pins() == null ? next : pinned(actor, next, command.pins());
        });
    }

    /** Changes a story that is not live. Live stories change through {@link #update}. */
    public Story edit(Actor actor, String id, int expectedRevision, StoryDraft draft) {
        return apply(actor, id, expectedRevision, StoryCommand.of(Action.SAVE, draft));
    }

    /** A writer hands a draft to the editors. */
    public Story submitForReview(Actor actor, String id, int expectedRevision) {
        return apply(actor, id, expectedRevision, StoryCommand.of(Action.SUBMIT, null));
    }

    public Story publish(Actor actor, String id, int expectedRevision) {
        return apply(actor, id, expectedRevision, StoryCommand.of(Action.PUBLISH, null));
    }

    /** Publishes at {@code at}; a time already past publishes on the scheduler's next pass. */
    public Story schedule(Actor actor, String id, int expectedRevision, Instant at) {
        return apply(actor, id, expectedRevision, new StoryCommand(Action.SCHEDULE, null, at, null));
    }

    /** Changes a live story. Only a substantive update moves its "Updated" time. */
    public Story update(Actor actor, String id, int expectedRevision, StoryDraft draft, UpdateKind kind) {
        return apply(
                actor,
                id,
                expectedRevision,
                StoryCommand.of(
                        kind == UpdateKind.SUBSTANTIVE ? Action.UPDATE_SUBSTANTIVE : Action.UPDATE_MINOR, draft));
    }

    public Story unpublish(Actor actor, String id, int expectedRevision) {
        return apply(actor, id, expectedRevision, StoryCommand.of(Action.UNPUBLISH, null));
    }

    /**
     * Deletes a story that was never published, with its revisions: nothing of it was ever public.
     * Editors delete any; writers their own. A story that was published once is archived instead.
     *
     * @throws ConflictException when it was published once, is scheduled, or stories or dashboards use it (named)
     */
    public void delete(Actor actor, String id, int expectedRevision) {
        tx.run(() -> {
            Story current = get(id);
            if (!actor.role().canPublish()
                    && (actor.role() != Role.WRITER || !actor.userId().equals(current.createdBy()))) {
                throw new ForbiddenException("Editors and admins delete stories; writers only drafts of their own.");
            }
            if (current.revision() != expectedRevision) {
                throw new StaleRevisionException("story", expectedRevision, current.revision());
            }
            if (current.firstPublishedAt() != null) {
                throw new ConflictException("This story has been published, so it is kept: unpublish it, then archive"
                        + " it, and its address tells readers it is gone.");
            }
            requireStatus(current, "delete it", StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.UNPUBLISHED);
            Reference.refuseWhileUsed("“" + current.headline() + "”", stories.uses(id), "Take it out of them first.");
            if (!stories.delete(id, expectedRevision)) {
                int now = stories.revisionOf(id).orElseThrow(() -> new NotFoundException("Story", id));
                throw new StaleRevisionException("story", expectedRevision, now);
            }
            outbox.append(new Event.StoryChanged(
                    StoryAction.DELETED,
                    id,
                    current.slug(),
                    "deleted",
                    current.revision(),
                    null,
                    null,
                    actor.userId(),
                    now(),
                    Set.of()));
        });
    }

    /**
     * Takes a story that was published, and has been unpublished, off the newsroom's list for
     * good. It is kept with its revisions; its address answers 410 Gone.
     */
    public Story archive(Actor actor, String id, int expectedRevision) {
        return save(actor, id, expectedRevision, StoryAction.ARCHIVED, null, null, current -> {
            actor.requireEditor("Only editors and admins archive stories.");
            if (current.firstPublishedAt() == null) {
                throw new ConflictException("This story was never published: delete it instead.");
            }
            if (current.isLive() || current.status() == StoryStatus.SCHEDULED) {
                throw new ConflictException(
                        "This story is " + current.status().key() + ": unpublish it first, then" + " archive it.");
            }
            return current.withStatus(
                    StoryStatus.ARCHIVED, current.publishAt(), current.firstPublishedAt(), current.substantiveAt());
        });
    }

    /**
     * Publishes every scheduled story whose time has come, keeping its intended time as its
     * publish time, so a story due while the server was down goes out at start-up as if on time.
     * The publishing rules are checked again, since what a story refers to can change after it
     * was scheduled (an image loses its alt text, say): one that fails stays scheduled and is
     * marked blocked with the reason, once, for the editors to fix; a save that passes the rules
     * clears the mark and the next pass publishes it.
     *
     * @return the stories published
     */
    public List<Story> publishDue() {
        List<Story> published = new ArrayList<>();
        for (Story due : stories.dueForPublishing(now())) {
            String problem = publishingProblem(due.draft());
            if (problem == null) {
                published.add(save(
                        Actor.SYSTEM,
                        due.id(),
                        due.revision(),
                        StoryAction.PUBLISHED,
                        null,
                        null,
                        current -> goLive(current, current.publishAt())));
            } else if (!problem.equals(due.blockedReason())) {
                block(due, problem);
            }
        }
        return published;
    }

    /** Marks a due story blocked: the same skeleton as every save, with its own event naming no pages. */
    private void block(Story due, String reason) {
        tx.inTransaction(() -> {
            Story next = due.withBlockedReason(reason).revised(now());
            if (!stories.update(next, due.revision())) {
                // Someone saved it since the list was read; the next pass looks at it again.
                return null;
            }
            stories.addRevision(new StoryRevision(
                    next.id(),
                    next.revision(),
                    Event.StoryBlocked.TYPE,
                    Actor.SYSTEM.userId(),
                    next.updatedAt(),
                    next));
            outbox.append(new Event.StoryBlocked(
                    next.id(), next.slug(), next.revision(), reason, Actor.SYSTEM.userId(), next.updatedAt()));
            return null;
        });
    }

    public Story addCorrection(Actor actor, String id, int expectedRevision, String text) {
        return save(actor, id, expectedRevision, StoryAction.CORRECTED, null, null, current -> {
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
        return tx.inTransaction(() -> {
            StoryDraft old = stories.revision(id, revision)
                    .orElseThrow(() -> new NotFoundException("Revision " + revision + " of story", id))
                    .snapshot()
                    .draft();
            boolean live = get(id).isLive();
            return save(
                    actor,
                    id,
                    expectedRevision,
                    StoryAction.RESTORED,
                    live ? "minor" : null,
                    revision,
                    current -> live
                            ? updated(actor, current, old.withSlug(current.slug()), false)
                            : edited(
                                    actor,
                                    current,
                                    old.withSlug(current.firstPublishedAt() == null ? old.slug() : current.slug())));
        });
    }

    /** The editors' pins for Go deeper under this story, in order: story ids or slugs. */
    public Story pin(Actor actor, String id, int expectedRevision, List<String> pins) {
        return save(actor, id, expectedRevision, StoryAction.PINNED, null, null, current -> {
            actor.requireEditor(PUBLISHERS_ONLY);
            return pinned(actor, current, pins);
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
            outbox.append(new Event.TopStoriesSet(actor.userId(), now()));
        });
    }

    private Story edited(Actor actor, Story current, StoryDraft draft) {
        checkCanEdit(actor, current);
        if (current.isLive()) {
            throw new ConflictException("This story is live: save it as an update (substantive or minor) instead.");
        }
        return current.withDraft(withSlugRules(actor, current, draft));
    }

    private Story updated(Actor actor, Story current, StoryDraft draft, boolean substantive) {
        actor.requireEditor(PUBLISHERS_ONLY);
        requireStatus(current, "update it", StoryStatus.PUBLISHED);
        StoryDraft next = withSlugRules(actor, current, draft);
        rules.checkPublishable(next);
        Story changed = current.withDraft(next);
        return substantive
                ? changed.withStatus(StoryStatus.PUBLISHED, current.publishAt(), current.firstPublishedAt(), now())
                : changed;
    }

    private static Story submitted(Actor actor, Story current, Story next) {
        checkCanEdit(actor, current);
        if (actor.role() == Role.CONTRIBUTOR) {
            throw new ForbiddenException("Contributors write drafts; an editor or writer submits them for review.");
        }
        requireStatus(current, "submit it for review", StoryStatus.DRAFT, StoryStatus.UNPUBLISHED);
        return next.withStatus(StoryStatus.IN_REVIEW, next.publishAt(), next.firstPublishedAt(), next.substantiveAt());
    }

    /** Sets the pins when they differ, so a form that carries unchanged pins needs no editor. */
    private Story pinned(Actor actor, Story story, List<String> references) {
        List<String> pins = resolvePins(story.id(), references);
        if (pins.equals(story.pins())) {
            return story;
        }
        actor.requireEditor(PUBLISHERS_ONLY);
        return story.withPins(pins);
    }

    /** Story or dashboard ids from ids, slugs or addresses, without the story itself or repeats. */
    private List<String> resolvePins(String storyId, List<String> references) {
        List<String> pins = new ArrayList<>();
        for (String reference : references) {
            String clean = reference.strip().replaceAll("^.*/", "");
            String id = stories.pinTarget(clean)
                    .orElseThrow(() -> new ValidationException(
                            "pins", "There is no story or dashboard with the slug \"" + clean + "\"."));
            if (!id.equals(storyId) && !pins.contains(id)) {
                pins.add(id);
            }
        }
        return pins;
    }

    /** Now, or the earlier time a story brought from another site first went out there. */
    private Instant publishedAt(Instant original) {
        Instant now = now();
        if (original == null) {
            return now;
        }
        if (original.isAfter(now)) {
            throw new ValidationException(
                    "publishAt", "A story cannot be published at a time still to come: schedule it instead.");
        }
        return original.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Story goLive(Story current, Instant publishAt) {
        Instant first = current.firstPublishedAt() == null ? publishAt : current.firstPublishedAt();
        return current.withStatus(StoryStatus.PUBLISHED, publishAt, first, current.substantiveAt());
    }

    private static StoryAction eventOf(Action action) {
        return switch (action) {
            case SAVE -> StoryAction.EDITED;
            case SUBMIT -> StoryAction.SUBMITTED;
            case PUBLISH -> StoryAction.PUBLISHED;
            case SCHEDULE -> StoryAction.SCHEDULED;
            case UPDATE_MINOR, UPDATE_SUBSTANTIVE -> StoryAction.UPDATED;
            case UNPUBLISH -> StoryAction.UNPUBLISHED;
        };
    }

    private static String updateKindOf(Action action) {
        return switch (action) {
            case UPDATE_MINOR -> "minor";
            case UPDATE_SUBSTANTIVE -> "substantive";
            default -> null;
        };
    }

    private interface Change {
        Story apply(Story current);
    }

    /**
     * The skeleton of every change: load, check the revision, change, write conditionally, then
     * keep the revision and append the event, all in one transaction. The event names the pages
     * that showed the story before the change and those that show it after: none while it was
     * never live.
     */
    private Story save(
            Actor actor,
            String id,
            int expectedRevision,
            StoryAction event,
            String updateKind,
            Integer restoredFrom,
            Change change) {
        return tx.inTransaction(() -> {
            Story current = get(id);
            if (current.revision() != expectedRevision) {
                throw new StaleRevisionException("story", expectedRevision, current.revision());
            }
            if (current.status() == StoryStatus.ARCHIVED) {
                throw new ConflictException("This story is archived: it is kept as it was and cannot be changed.");
            }
            Set<String> keys = new HashSet<>();
            // Archiving names the pages that showed the story when it was live: their copies and its own.
            if (current.isLive() || event == StoryAction.ARCHIVED) {
                keys.addAll(stories.places(id).pageKeys(id));
            }
            Story changed = change.apply(current);
            Story next = blockState(changed.withDraft(rules.withAltText(changed.draft())))
                    .revised(now());
            rules.checkReferences(next.draft());
            if (!stories.update(next, expectedRevision)) {
                // Another writer committed between our read and our write.
                int now = stories.revisionOf(id).orElseThrow(() -> new NotFoundException("Story", id));
                throw new StaleRevisionException("story", expectedRevision, now);
            }
            if (!next.slug().equals(current.slug())) {
                moveSlug(current, next.slug());
            }
            if (next.isLive()) {
                keys.addAll(stories.places(id).pageKeys(id));
            }
            record(actor, next, event, updateKind, restoredFrom, keys);
            return next;
        });
    }

    private void record(
            Actor actor,
            Story story,
            StoryAction action,
            String updateKind,
            Integer restoredFrom,
            Set<String> pageKeys) {
        stories.addRevision(new StoryRevision(
                story.id(), story.revision(), action.type(), actor.userId(), story.updatedAt(), story));
        outbox.append(new Event.StoryChanged(
                action,
                story.id(),
                story.slug(),
                story.status().key(),
                story.revision(),
                updateKind,
                restoredFrom,
                actor.userId(),
                story.updatedAt(),
                pageKeys));
    }

    /**
     * A new slug is claimed like any other. Once the story has been published its address is out
     * in the world: only editors change it then, and the old one keeps redirecting (see
     * {@link #moveSlug}).
     */
    private StoryDraft withSlugRules(Actor actor, Story current, StoryDraft draft) {
        if (draft.slug() == null || draft.slug().equals(current.slug())) {
            return draft.withSlug(current.slug());
        }
        if (current.firstPublishedAt() != null && !actor.role().canPublish()) {
            throw new ForbiddenException("Only editors change the slug of a story that has been published.");
        }
        return draft.withSlug(claim(current.id(), draft.slug()));
    }

    /** A published story's old slug is kept, so its old address redirects; a slug taken back is current again. */
    private void moveSlug(Story current, String newSlug) {
        stories.forgetOldSlug(current.id(), newSlug);
        if (current.firstPublishedAt() != null) {
            stories.keepOldSlug(current.id(), current.slug(), now());
        }
    }

    /** The slug, unless another story has it now or had it when published (its old address redirects there). */
    private String claim(String storyId, String slug) {
        String owner = stories.slugOwner(slug).orElse(null);
        if (owner != null && !owner.equals(storyId)) {
            throw new ConflictException("The slug \"" + slug + "\" is already used by another story"
                    + " (now or before, and its old address still leads there).");
        }
        return slug;
    }

    /**
     * Keeps a scheduled story's block until a save passes the publishing rules; any other status
     * has nothing to be blocked from.
     */
    private Story blockState(Story next) {
        if (next.blockedReason() == null) {
            return next;
        }
        if (next.status() != StoryStatus.SCHEDULED) {
            return next.withBlockedReason(null);
        }
        return next.withBlockedReason(publishingProblem(next.draft()));
    }

    /** The first publishing rule the draft fails, as the editors read it; null when it may go live. */
    private String publishingProblem(StoryDraft draft) {
        try {
            rules.checkPublishable(draft);
            return null;
        } catch (ValidationException e) {
            return e.getMessage();
        }
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
        throw new ConflictException(
                "This story is " + story.status().key().replace('-', ' ') + ", so you cannot " + action + ".");
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
        if (story.status() != StoryStatus.DRAFT
                && story.status() != StoryStatus.IN_REVIEW
                && story.status() != StoryStatus.UNPUBLISHED) {
            throw new ForbiddenException("Only editors can change a story that is scheduled or live.");
        }
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
