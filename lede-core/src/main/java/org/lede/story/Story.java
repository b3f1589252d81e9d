package org.lede.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.Slugs;

/**
 * A story as stored: the writer's fields plus workflow state. Its slug is the draft's, which is
 * never null once stored; once the story was published only an editor changes it, and the old
 * one keeps redirecting.
 *
 * @param publishAt         when it went (or goes, when scheduled) live; null for a draft never published
 * @param firstPublishedAt  the first time it went live; fixes its dated URL
 * @param substantiveAt     the last substantive update; null until there is one
 * @param revision          bumped by every save; a save naming an older revision is refused
 * @param blockedReason     why a scheduled story did not go out when due (a publishing rule it fails); else null
 */
public record Story(
        String id,
        StoryDraft draft,
        StoryStatus status,
        Instant publishAt,
        Instant firstPublishedAt,
        Instant substantiveAt,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        int revision,
        List<Correction> corrections,
        List<String> pins,
        String blockedReason) {
    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
        Slugs.check("slug", draft.slug());
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        corrections = Check.list(corrections);
        pins = Check.list(pins);
    }

    public String slug() {
        return draft.slug();
    }

    public String headline() {
        return draft.headline();
    }

    public boolean isLive() {
        return status == StoryStatus.PUBLISHED;
    }

    Story withDraft(StoryDraft newDraft) {
        return new Story(
                id,
                newDraft,
                status,
                publishAt,
                firstPublishedAt,
                substantiveAt,
                createdAt,
                updatedAt,
                createdBy,
                revision,
                corrections,
                pins,
                blockedReason);
    }

    Story withStatus(StoryStatus newStatus, Instant newPublishAt, Instant newFirst, Instant newSubstantive) {
        return new Story(
                id,
                draft,
                newStatus,
                newPublishAt,
                newFirst,
                newSubstantive,
                createdAt,
                updatedAt,
                createdBy,
                revision,
                corrections,
                pins,
                blockedReason);
    }

    Story withCorrections(List<Correction> newCorrections) {
        return new Story(
                id,
                draft,
                status,
                publishAt,
                firstPublishedAt,
                substantiveAt,
                createdAt,
                updatedAt,
                createdBy,
                revision,
                newCorrections,
                pins,
                blockedReason);
    }

    Story withPins(List<String> newPins) {
        return new Story(
                id,
                draft,
                status,
                publishAt,
                firstPublishedAt,
                substantiveAt,
                createdAt,
                updatedAt,
                createdBy,
                revision,
                corrections,
                newPins,
                blockedReason);
    }

    Story withBlockedReason(String reason) {
        return new Story(
                id,
                draft,
                status,
                publishAt,
                firstPublishedAt,
                substantiveAt,
                createdAt,
                updatedAt,
                createdBy,
                revision,
                corrections,
                pins,
                reason);
    }

    /** The next revision of this story, saved at {@code now}. */
    Story revised(Instant now) {
        return new Story(
                id,
                draft,
                status,
                publishAt,
                firstPublishedAt,
                substantiveAt,
                createdAt,
                now,
                createdBy,
                revision + 1,
                corrections,
                pins,
                blockedReason);
    }
}
