package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.lede.audit.AuditEntry;
import org.lede.audit.AuditService;

/** The audit log: who changed what and when, newest first; admins only, which {@link AuditService} enforces. */
public final class AuditRoutes {
    private final AuditService audit;
    private final NewsroomViews views;

    public AuditRoutes(AuditService audit, NewsroomViews views) {
        this.audit = audit;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/audit", this::log);
    }

    private void log(Context ctx) {
        Long before = before(ctx.queryParam("before"));
        views.render(
                ctx,
                200,
                new AuditModel(
                        views.page(ctx, "Audit log", Section.AUDIT, null),
                        audit.page(NewsroomAuth.actor(ctx), before, AuditService.PAGE_SIZE),
                        before != null,
                        views.site().zone()));
    }

    private static Long before(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("“before” is a position in the log, such as 120, not “" + raw + "”.");
        }
    }

    /** Where the newsroom edits the thing an entry is about; null for things it has no page for. */
    public static String link(AuditEntry entry) {
        if (entry.action().equals("deleted") || entry.action().equals("merged")) {
            // The thing is gone; a link would lead to a 404.
            return null;
        }
        return switch (entry.kind()) {
            case "story" -> "/newsroom/stories/" + entry.subject();
            case "topic" -> "/newsroom/topics/" + entry.subject();
            case "author" -> "/newsroom/authors/" + entry.subject();
            case "dashboard" -> "/newsroom/dashboards/" + entry.subject();
            case "media" -> "/newsroom/media/" + entry.subject();
            case "page" -> "/newsroom/pages/" + entry.subject();
            case "webhook" -> "/newsroom/webhooks/" + entry.subject();
            default -> null;
        };
    }
}
