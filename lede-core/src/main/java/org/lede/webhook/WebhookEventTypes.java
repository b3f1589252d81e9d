package org.lede.webhook;

import java.util.List;
import java.util.Optional;
import org.lede.outbox.Event.StoryAction;
import org.lede.outbox.Event.WebhookAction;

/**
 * The events an endpoint may subscribe to, named by their outbox type so a receiver reads the
 * same names as the audit log. Only changes readers can see are offered (and a never-published
 * story's deletion, so an integrator that kept a draft's id can drop it); the test event goes to
 * the endpoint it was sent to, subscribed or not.
 */
public final class WebhookEventTypes {
    /** One type and what it means, for the registration form. */
    public record Type(String name, String description) {}

    public static final String TEST = WebhookAction.TEST.type();

    public static final List<Type> ALL = List.of(
            new Type(StoryAction.PUBLISHED.type(), "A story went live, or live again"),
            new Type(StoryAction.UPDATED.type(), "A live story was updated (minor or substantive)"),
            new Type(StoryAction.CORRECTED.type(), "A correction was added to a live story"),
            new Type(StoryAction.UNPUBLISHED.type(), "A story was taken off the site"),
            new Type(StoryAction.ARCHIVED.type(), "An unpublished story was archived for good"),
            new Type(StoryAction.DELETED.type(), "A story never published was deleted"),
            new Type("dashboard.created", "A dashboard was created"),
            new Type("dashboard.updated", "A dashboard was changed"),
            new Type("dashboard.deleted", "A dashboard was deleted"),
            new Type("topic.saved", "A topic was created or changed"),
            new Type("topic.deleted", "A topic was deleted"),
            new Type("topic.merged", "A topic was merged into another"),
            new Type("author.saved", "An author was created or changed"),
            new Type("author.deleted", "An author was deleted"));

    private WebhookEventTypes() {}

    public static Optional<Type> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static boolean offered(String name) {
        return find(name).isPresent();
    }
}
