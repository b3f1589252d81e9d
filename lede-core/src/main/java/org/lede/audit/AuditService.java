package org.lede.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lede.common.ForbiddenException;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserService;

/**
 * Reads the audit log out of the outbox rather than keeping a second log: every write already
 * appends its event, with the acting user, in the transaction of the change, so the two cannot
 * disagree.
 */
public final class AuditService {
    public static final int PAGE_SIZE = 50;
    /** How many events one read of the outbox covers while walking back from the newest. */
    private static final int WINDOW = 500;

    private final Outbox outbox;
    private final UserService users;

    public AuditService(Outbox outbox, UserService users) {
        this.outbox = outbox;
        this.users = users;
    }

    /**
     * The newest changes made before outbox position {@code before} (all of them when null).
     *
     * @throws ForbiddenException unless the actor is an admin
     */
    public AuditPage page(Actor actor, Long before, int size) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("Only admins can read the audit log.");
        }
        int limit = Math.clamp(size, 1, 200);
        long upper = before == null ? outbox.lastSeq() + 1 : Math.max(0, before);
        List<OutboxEvent> newestFirst = new ArrayList<>();
        boolean more = false;
        // The outbox reads forward only, so walk back one window at a time until the page is full.
        while (upper > 1 && !more) {
            long from = Math.max(0, upper - 1 - WINDOW);
            List<OutboxEvent> window = new ArrayList<>();
            for (OutboxEvent event : outbox.after(from, WINDOW)) {
                if (event.seq() < upper && event.data().containsKey("actor")) {
                    window.add(event);
                }
            }
            for (int i = window.size() - 1; i >= 0; i--) {
                if (newestFirst.size() == limit) {
                    more = true;
                    break;
                }
                newestFirst.add(window.get(i));
            }
            upper = from + 1;
        }
        Map<String, String> names = new HashMap<>();
        List<AuditEntry> entries =
                newestFirst.stream().map(e -> entry(e, names)).toList();
        return new AuditPage(entries, more ? entries.getLast().seq() : null);
    }

    private AuditEntry entry(OutboxEvent event, Map<String, String> names) {
        String actorId = event.data().get("actor");
        String name = names.computeIfAbsent(
                actorId,
                id -> Actor.SYSTEM.userId().equals(id)
                        ? "Lede (system)"
                        : users.find(id).map(User::name).orElse("Unknown user " + id));
        String type = event.type();
        int dot = type.indexOf('.');
        String kind = dot < 0 ? type : type.substring(0, dot);
        String verb = dot < 0 ? type : type.substring(dot + 1);
        String label = "user".equals(kind)
                ? users.find(event.subject()).map(User::email).orElse(null)
                : event.data().getOrDefault("slug", event.data().get("name"));
        return new AuditEntry(
                event.seq(),
                event.at(),
                actorId,
                name,
                action(kind, verb),
                kind,
                event.subject(),
                label,
                detail(event));
    }

    private static String action(String kind, String verb) {
        return switch (kind + "." + verb) {
            case "story.submitted" -> "submitted for review";
            case "story.pinned" -> "pinned related stories on";
            case "story.restored" -> "restored an earlier revision of";
            case "story.blocked" -> "held back (a publishing rule fails)";
            case "story.preview-shared" -> "shared a preview link to";
            case "home.updated" -> "changed the home page's top stories";
            case "media.added" -> "uploaded";
            case "media.updated" -> "described";
            case "topic.merged" -> "merged";
            case "token.created" -> "made the API token";
            case "token.revoked" -> "revoked the API token";
            case "user.created" -> "added";
            case "user.role-changed" -> "changed the role of";
            case "user.reset-link-issued" -> "issued a password-reset link for";
            case "user.password-reset" -> "set a new password from a reset link for";
            case "user.password-changed" -> "changed the password of";
            case "webhook.updated" -> "changed the events of";
            case "webhook.redelivered" -> "asked to redeliver an event to";
            case "webhook.test" -> "sent a test event to";
            default -> verb;
        };
    }

    private String detail(OutboxEvent event) {
        return switch (event.type()) {
            case "story.updated" -> event.data().get("kind");
            case "story.restored" -> "revision " + event.data().get("from");
            case "story.blocked" -> event.data().get("reason");
            case "story.preview-shared" -> "until " + event.data().get("expires");
            case "topic.merged" -> "into " + event.data().get("into");
            case "user.created", "user.role-changed" -> event.data().get("role");
            case "token.created", "token.revoked" ->
                "of " + users.find(event.data().get("user")).map(User::email).orElse("a removed member");
            case "webhook.disabled", "webhook.redelivered" -> event.data().get("detail");
            default -> null;
        };
    }
}
