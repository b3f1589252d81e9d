package org.lede.outbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The catalogue of what Lede records in the outbox, one record per kind of change with its
 * payload. Services append these; {@link Events} turns them into stored envelopes and back, so
 * an event is built one way only. Each event names the reader pages it touches
 * ({@link #pageKeys()}): a cache or CDN evicts exactly those, and a change readers cannot see
 * names none.
 */
public sealed interface Event {
    /** The stored type name, such as {@code story.published}; stable, since consumers and the audit log read it. */
    String type();

    /** The id of the thing the event is about. */
    String subject();

    /** The user who acted, or the system. */
    String actorId();

    Instant at();

    Set<String> pageKeys();

    /** What happened to a story: one per user action, written with the revision it made. */
    enum StoryAction {
        CREATED,
        EDITED,
        SUBMITTED,
        PUBLISHED,
        SCHEDULED,
        UPDATED,
        UNPUBLISHED,
        CORRECTED,
        RESTORED,
        PINNED,
        /** A story that was never published, deleted with its revisions. */
        DELETED,
        /** A story taken down for good: kept with its revisions, its address answers 410 Gone. */
        ARCHIVED;

        public String type() {
            return "story." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param status       the story's status after the change, as its key ({@code published})
     * @param updateKind   {@code minor} or {@code substantive} for a change to a live story, else null
     * @param restoredFrom the revision brought back, for {@link StoryAction#RESTORED}, else null
     */
    record StoryChanged(
            StoryAction action,
            String storyId,
            String slug,
            String status,
            int revision,
            String updateKind,
            Integer restoredFrom,
            String actorId,
            Instant at,
            Set<String> pageKeys)
            implements Event {
        public StoryChanged {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(storyId, "storyId");
            pageKeys = Set.copyOf(pageKeys);
        }

        @Override
        public String type() {
            return action.type();
        }

        @Override
        public String subject() {
            return storyId;
        }
    }

    /**
     * A scheduled story fell due but fails a publishing rule, so it stays scheduled, marked
     * blocked with the reason for the editors. Readers see nothing change.
     */
    record StoryBlocked(String storyId, String slug, int revision, String reason, String actorId, Instant at)
            implements Event {
        public static final String TYPE = "story.blocked";

        public StoryBlocked {
            Objects.requireNonNull(storyId, "storyId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String subject() {
            return storyId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /**
     * Someone made a signed link that shows a story as it stands to whoever holds it, until
     * {@code expiresAt}; recorded so the audit log says who shared what. The link's page is never
     * cached, so no page changes.
     */
    record PreviewShared(String storyId, String slug, Instant expiresAt, String actorId, Instant at) implements Event {
        public static final String TYPE = "story.preview-shared";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String subject() {
            return storyId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /** The home page's top stories were set. */
    record TopStoriesSet(String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "home.updated";
        }

        @Override
        public String subject() {
            return PageKeys.HOME;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of(PageKeys.HOME);
        }
    }

    /** A topic was created or changed. Topic names are in every page's navigation, so every page shows it. */
    record TopicSaved(String topicId, String slug, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "topic.saved";
        }

        @Override
        public String subject() {
            return topicId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of(PageKeys.ALL);
        }
    }

    /**
     * An author was created or changed. Bylines and bio lines show on every page that shows their
     * stories; a profile edit is rare enough that evicting every page is cheaper than tracking them.
     */
    record AuthorSaved(String authorId, String slug, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "author.saved";
        }

        @Override
        public String subject() {
            return authorId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of(PageKeys.ALL);
        }
    }

    /** An image was uploaded; nothing shows it until a story or dashboard uses it. */
    record MediaAdded(String mediaId, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "media.added";
        }

        @Override
        public String subject() {
            return mediaId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /**
     * An image's alt text, caption or credit changed. Live pages read them from the media record
     * today, so any page may show the change.
     */
    record MediaDescribed(String mediaId, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "media.updated";
        }

        @Override
        public String subject() {
            return mediaId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of(PageKeys.ALL);
        }
    }

    /**
     * An image nobody used was deleted with its files; since nothing showed it, no page changes.
     *
     * @param name the file name it was uploaded under, for the audit log
     */
    record MediaDeleted(String mediaId, String name, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "media.deleted";
        }

        @Override
        public String subject() {
            return mediaId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /** A dashboard was deleted; {@code pageKeys} holds its own page (now 410 Gone) and the pages that listed it. */
    record DashboardDeleted(String dashboardId, String slug, String actorId, Instant at, Set<String> pageKeys)
            implements Event {
        public DashboardDeleted {
            pageKeys = Set.copyOf(pageKeys);
        }

        @Override
        public String type() {
            return "dashboard.deleted";
        }

        @Override
        public String subject() {
            return dashboardId;
        }
    }

    /**
     * A topic was deleted, or merged into another that took over its stories and dashboards. Topic
     * names are in every page's navigation, so every page shows the change.
     *
     * @param mergedInto the slug of the topic that took its stories over, or null when nothing used it
     */
    record TopicDeleted(String topicId, String slug, String mergedInto, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return mergedInto == null ? "topic.deleted" : "topic.merged";
        }

        @Override
        public String subject() {
            return topicId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of(PageKeys.ALL);
        }
    }

    /** An author on no byline was deleted: only their own page showed them. */
    record AuthorDeleted(String authorId, String slug, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "author.deleted";
        }

        @Override
        public String subject() {
            return authorId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of(PageKeys.author(slug));
        }
    }

    /** A dashboard was created or changed; {@code pageKeys} holds its old and new slug and the pages listing it. */
    record DashboardSaved(
            boolean created,
            String dashboardId,
            String slug,
            int revision,
            String actorId,
            Instant at,
            Set<String> pageKeys)
            implements Event {
        public DashboardSaved {
            pageKeys = Set.copyOf(pageKeys);
        }

        @Override
        public String type() {
            return created ? "dashboard.created" : "dashboard.updated";
        }

        @Override
        public String subject() {
            return dashboardId;
        }
    }

    /** A newsroom account was added; readers never see accounts. */
    record UserCreated(String userId, String role, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "user.created";
        }

        @Override
        public String subject() {
            return userId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /** What happened to an account after it was made. */
    enum UserChange {
        ROLE_CHANGED,
        DISABLED,
        ENABLED,
        RESET_LINK_ISSUED,
        PASSWORD_RESET,
        PASSWORD_CHANGED;

        /** The part of the stored type after {@code user.}, such as {@code role-changed}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static UserChange ofKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * An account was disabled, enabled, given another role or a new password, or sent a reset link;
     * {@code role} is the role it has afterwards. Readers never see accounts, so it names no page.
     */
    record UserChanged(UserChange change, String userId, String role, String actorId, Instant at) implements Event {
        public UserChanged {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public String type() {
            return "user." + change.key();
        }

        @Override
        public String subject() {
            return userId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /**
     * A personal API token was made for a member; {@code name} is what they called it. Readers
     * never see tokens, so it names no page.
     */
    record ApiTokenCreated(String tokenId, String userId, String name, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "token.created";
        }

        @Override
        public String subject() {
            return tokenId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /** A personal API token was revoked and stops working at once; it names no page. */
    record ApiTokenRevoked(String tokenId, String userId, String name, String actorId, Instant at) implements Event {
        @Override
        public String type() {
            return "token.revoked";
        }

        @Override
        public String subject() {
            return tokenId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }

    /** What happened to a site page (About, Contact ...). */
    enum PageAction {
        /** Made as a draft: readers see nothing. */
        CREATED,
        /** A draft saved: readers see nothing. */
        EDITED,
        PUBLISHED,
        /** A published page saved. */
        UPDATED,
        UNPUBLISHED;

        public String type() {
            return "page." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A site page was saved, published or taken off the site; {@code pageKeys} holds its old and
     * new address while live and, when the footer's links changed, {@link PageKeys#FOOTER}.
     */
    record PageChanged(
            PageAction action,
            String pageId,
            String slug,
            int revision,
            String actorId,
            Instant at,
            Set<String> pageKeys)
            implements Event {
        public PageChanged {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(pageId, "pageId");
            pageKeys = Set.copyOf(pageKeys);
        }

        @Override
        public String type() {
            return action.type();
        }

        @Override
        public String subject() {
            return pageId;
        }
    }

    /** What an admin (or Lede, giving up on a failing receiver) did to a webhook endpoint. */
    enum WebhookAction {
        REGISTERED,
        UPDATED,
        ENABLED,
        DISABLED,
        DELETED,
        REDELIVERED,
        /** A test event was sent to the endpoint; its type is also what the receiver gets. */
        TEST;

        public String type() {
            return "webhook." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A change to a webhook endpoint, or a delivery asked for by hand. Readers never see
     * webhooks, so it names no page.
     *
     * @param url    the endpoint's address, for the audit log
     * @param detail why it was disabled, or which event was redelivered; else null
     */
    record WebhookChanged(
            WebhookAction action, String endpointId, String url, String detail, String actorId, Instant at)
            implements Event {
        public WebhookChanged {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(endpointId, "endpointId");
        }

        @Override
        public String type() {
            return action.type();
        }

        @Override
        public String subject() {
            return endpointId;
        }

        @Override
        public Set<String> pageKeys() {
            return Set.of();
        }
    }
}
