package org.lede.outbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one mapping between typed {@link Event}s and the envelopes the outbox stores. The envelope's
 * data keeps {@code actor} for every event, so the audit log can read any of them without
 * knowing its type.
 */
public final class Events {
    private Events() {}

    public static OutboxEvent toOutbox(Event event) {
        Map<String, String> data = new HashMap<>();
        data.put("actor", event.actorId());
        switch (event) {
            case Event.StoryChanged s -> {
                data.put("slug", s.slug());
                data.put("status", s.status());
                data.put("revision", Integer.toString(s.revision()));
                if (s.updateKind() != null) {
                    data.put("kind", s.updateKind());
                }
                if (s.restoredFrom() != null) {
                    data.put("from", Integer.toString(s.restoredFrom()));
                }
            }
            case Event.StoryBlocked b -> {
                data.put("slug", b.slug());
                data.put("revision", Integer.toString(b.revision()));
                data.put("reason", b.reason());
            }
            case Event.PreviewShared p -> {
                data.put("slug", p.slug());
                data.put("expires", p.expiresAt().toString());
            }
            case Event.TopicSaved t -> data.put("slug", t.slug());
            case Event.AuthorSaved a -> data.put("slug", a.slug());
            case Event.DashboardSaved d -> {
                data.put("slug", d.slug());
                data.put("revision", Integer.toString(d.revision()));
            }
            case Event.UserCreated u -> data.put("role", u.role());
            case Event.UserChanged u -> data.put("role", u.role());
            case Event.TopStoriesSet t -> {}
            case Event.MediaAdded m -> {}
            case Event.MediaDescribed m -> {}
            case Event.MediaDeleted m -> data.put("name", m.name());
            case Event.DashboardDeleted d -> data.put("slug", d.slug());
            case Event.TopicDeleted t -> {
                data.put("slug", t.slug());
                if (t.mergedInto() != null) {
                    data.put("into", t.mergedInto());
                }
            }
            case Event.AuthorDeleted a -> data.put("slug", a.slug());
            case Event.ApiTokenCreated t -> {
                data.put("user", t.userId());
                data.put("name", t.name());
            }
            case Event.ApiTokenRevoked t -> {
                data.put("user", t.userId());
                data.put("name", t.name());
            }
            case Event.PageChanged p -> {
                data.put("slug", p.slug());
                data.put("revision", Integer.toString(p.revision()));
            }
            case Event.WebhookChanged w -> {
                data.put("name", w.url());
                if (w.detail() != null) {
                    data.put("detail", w.detail());
                }
            }
        }
        return new OutboxEvent(0, event.type(), event.subject(), data, event.at(), event.pageKeys());
    }

    /**
     * The typed event of a stored envelope.
     *
     * @throws IllegalArgumentException for a type this version does not know
     */
    public static Event fromOutbox(OutboxEvent e) {
        Map<String, String> d = e.data();
        String actor = d.get("actor");
        String type = e.type();
        if (type.equals(Event.StoryBlocked.TYPE)) {
            return new Event.StoryBlocked(
                    e.subject(),
                    d.get("slug"),
                    Integer.parseInt(d.getOrDefault("revision", "0")),
                    d.get("reason"),
                    actor,
                    e.at());
        }
        if (type.equals(Event.PreviewShared.TYPE)) {
            return new Event.PreviewShared(e.subject(), d.get("slug"), Instant.parse(d.get("expires")), actor, e.at());
        }
        for (Event.WebhookAction action : Event.WebhookAction.values()) {
            if (action.type().equals(type)) {
                return new Event.WebhookChanged(action, e.subject(), d.get("name"), d.get("detail"), actor, e.at());
            }
        }
        if (type.startsWith("story.")) {
            Event.StoryAction action =
                    Event.StoryAction.valueOf(type.substring(6).toUpperCase(Locale.ROOT));
            return new Event.StoryChanged(
                    action,
                    e.subject(),
                    d.get("slug"),
                    d.get("status"),
                    Integer.parseInt(d.getOrDefault("revision", "0")),
                    d.get("kind"),
                    d.containsKey("from") ? Integer.valueOf(d.get("from")) : null,
                    actor,
                    e.at(),
                    e.pageKeys());
        }
        if (type.startsWith("page.")) {
            return new Event.PageChanged(
                    Event.PageAction.valueOf(type.substring(5).toUpperCase(Locale.ROOT)),
                    e.subject(),
                    d.get("slug"),
                    Integer.parseInt(d.getOrDefault("revision", "0")),
                    actor,
                    e.at(),
                    e.pageKeys());
        }
        return switch (type) {
            case "home.updated" -> new Event.TopStoriesSet(actor, e.at());
            case "topic.saved" -> new Event.TopicSaved(e.subject(), d.get("slug"), actor, e.at());
            case "author.saved" -> new Event.AuthorSaved(e.subject(), d.get("slug"), actor, e.at());
            case "media.added" -> new Event.MediaAdded(e.subject(), actor, e.at());
            case "media.updated" -> new Event.MediaDescribed(e.subject(), actor, e.at());
            case "dashboard.created", "dashboard.updated" ->
                new Event.DashboardSaved(
                        type.equals("dashboard.created"),
                        e.subject(),
                        d.get("slug"),
                        Integer.parseInt(d.getOrDefault("revision", "0")),
                        actor,
                        e.at(),
                        e.pageKeys());
            case "media.deleted" -> new Event.MediaDeleted(e.subject(), d.get("name"), actor, e.at());
            case "dashboard.deleted" ->
                new Event.DashboardDeleted(e.subject(), d.get("slug"), actor, e.at(), e.pageKeys());
            case "topic.deleted", "topic.merged" ->
                new Event.TopicDeleted(e.subject(), d.get("slug"), d.get("into"), actor, e.at());
            case "author.deleted" -> new Event.AuthorDeleted(e.subject(), d.get("slug"), actor, e.at());
            case "token.created" -> new Event.ApiTokenCreated(e.subject(), d.get("user"), d.get("name"), actor, e.at());
            case "token.revoked" -> new Event.ApiTokenRevoked(e.subject(), d.get("user"), d.get("name"), actor, e.at());
            case "user.created" -> new Event.UserCreated(e.subject(), d.get("role"), actor, e.at());
            case "user.role-changed",
                    "user.disabled",
                    "user.enabled",
                    "user.reset-link-issued",
                    "user.password-reset",
                    "user.password-changed" ->
                new Event.UserChanged(
                        Event.UserChange.ofKey(type.substring(5)), e.subject(), d.get("role"), actor, e.at());
            default ->
                throw new IllegalArgumentException("Unknown event type \"" + type + "\" at outbox position " + e.seq());
        };
    }
}
