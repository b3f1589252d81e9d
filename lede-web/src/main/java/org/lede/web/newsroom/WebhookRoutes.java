package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lede.common.LedeException;
import org.lede.webhook.WebhookEndpoint;
import org.lede.webhook.WebhookEventTypes;
import org.lede.webhook.WebhookService;

/**
 * Webhooks: registering endpoints, what each hears about, switching them on and off, deleting
 * them, and their delivery logs with a redeliver button and a test event. Admins only, which
 * {@link WebhookService} enforces.
 */
public final class WebhookRoutes {
    private static final String LIST = "/newsroom/webhooks";
    private final WebhookService webhooks;
    private final NewsroomViews views;

    public WebhookRoutes(WebhookService webhooks, NewsroomViews views) {
        this.webhooks = webhooks;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/webhooks", this::list);
        routes.post("/newsroom/webhooks", this::create);
        routes.get("/newsroom/webhooks/{id}", this::show);
        routes.post("/newsroom/webhooks/{id}", this::update);
        routes.post("/newsroom/webhooks/{id}/enable", ctx -> enable(ctx, true));
        routes.post("/newsroom/webhooks/{id}/disable", ctx -> enable(ctx, false));
        routes.post("/newsroom/webhooks/{id}/test", this::sendTest);
        routes.get("/newsroom/webhooks/{id}/delete", this::confirmDelete);
        routes.post("/newsroom/webhooks/{id}/delete", this::delete);
        routes.post("/newsroom/webhooks/{id}/deliveries/{delivery}/redeliver", this::redeliver);
    }

    /** The form as typed. */
    public record WebhookForm(String url, String description, Set<String> events) {
        static WebhookForm from(Context ctx) {
            return new WebhookForm(
                    Forms.value(ctx, "url"),
                    Forms.value(ctx, "description"),
                    new LinkedHashSet<>(ctx.formParams("events")));
        }

        static WebhookForm of(WebhookEndpoint endpoint) {
            return new WebhookForm(endpoint.url(), Forms.orEmpty(endpoint.description()), endpoint.sortedTypes());
        }

        public boolean has(String type) {
            return events.contains(type);
        }
    }

    private void list(Context ctx) {
        showList(ctx, 200, Notice.textOf(ctx), new WebhookForm("", "", Set.of()));
    }

    private void showList(Context ctx, int status, String notice, WebhookForm form) {
        views.render(
                ctx,
                status,
                new WebhooksModel(
                        views.page(ctx, "Webhooks", Section.WEBHOOKS, notice),
                        webhooks.endpoints(NewsroomAuth.actor(ctx)),
                        form,
                        WebhookEventTypes.ALL));
    }

    /**
     * Shows the new endpoint's page with its secret, on the answer to this request only: it signs
     * every delivery, so it must not sit in an address, a log or a page anyone can reload.
     */
    private void create(Context ctx) {
        WebhookForm form = WebhookForm.from(ctx);
        try {
            WebhookEndpoint endpoint =
                    webhooks.register(NewsroomAuth.actor(ctx), form.url(), form.description(), form.events());
            ctx.header("Cache-Control", "no-store");
            showEndpoint(
                    ctx,
                    201,
                    "Registered. Copy the signing secret now: it is shown only this once.",
                    endpoint,
                    WebhookForm.of(endpoint),
                    endpoint.secret());
        } catch (LedeException e) {
            showList(ctx, e.status(), e.getMessage(), form);
        }
    }

    private void show(Context ctx) {
        WebhookEndpoint endpoint = webhooks.endpoint(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        showEndpoint(ctx, 200, Notice.textOf(ctx), endpoint, WebhookForm.of(endpoint), null);
    }

    private void showEndpoint(
            Context ctx, int status, String notice, WebhookEndpoint endpoint, WebhookForm form, String secret) {
        views.render(
                ctx,
                status,
                new WebhookModel(
                        views.page(ctx, "Webhook endpoint", Section.WEBHOOKS, notice),
                        endpoint,
                        form,
                        webhooks.deliveries(NewsroomAuth.actor(ctx), endpoint.id()),
                        WebhookEventTypes.ALL,
                        secret,
                        views.site().zone()));
    }

    private void update(Context ctx) {
        WebhookForm form = WebhookForm.from(ctx);
        String id = ctx.pathParam("id");
        try {
            webhooks.update(NewsroomAuth.actor(ctx), id, form.description(), form.events());
            ctx.redirect(Notice.WEBHOOK_SAVED.on(LIST + "/" + id), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            refused(ctx, e, id, form);
        }
    }

    private void enable(Context ctx, boolean enabled) {
        String id = ctx.pathParam("id");
        try {
            webhooks.setEnabled(NewsroomAuth.actor(ctx), id, enabled);
            ctx.redirect(
                    (enabled ? Notice.WEBHOOK_ENABLED : Notice.WEBHOOK_DISABLED).on(LIST + "/" + id),
                    HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            refused(ctx, e, id, null);
        }
    }

    private void sendTest(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            webhooks.sendTest(NewsroomAuth.actor(ctx), id);
            ctx.redirect(Notice.WEBHOOK_TEST_SENT.on(LIST + "/" + id), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            refused(ctx, e, id, null);
        }
    }

    private void redeliver(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            webhooks.redeliver(NewsroomAuth.actor(ctx), id, ctx.pathParam("delivery"));
            ctx.redirect(Notice.WEBHOOK_REDELIVERING.on(LIST + "/" + id), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            refused(ctx, e, id, null);
        }
    }

    /** A refused command on an endpoint: its page again, with the refusal and its status. */
    private void refused(Context ctx, LedeException e, String id, WebhookForm form) {
        WebhookEndpoint endpoint = webhooks.endpoint(NewsroomAuth.actor(ctx), id);
        showEndpoint(ctx, e.status(), e.getMessage(), endpoint, form == null ? WebhookForm.of(endpoint) : form, null);
    }

    private void confirmDelete(Context ctx) {
        WebhookEndpoint endpoint = webhooks.endpoint(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        views.render(
                ctx,
                200,
                new ConfirmModel(
                        views.page(ctx, "Delete a webhook endpoint", Section.WEBHOOKS, null),
                        "The endpoint " + endpoint.url()
                                + " and its delivery log are deleted, and deliveries not sent yet are dropped."
                                + " To stop deliveries for a while, disable it instead.",
                        LIST + "/" + endpoint.id() + "/delete",
                        "Delete the webhook",
                        null,
                        List.of(),
                        LIST + "/" + endpoint.id(),
                        null));
    }

    private void delete(Context ctx) {
        webhooks.delete(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        ctx.redirect(Notice.WEBHOOK_DELETED.on(LIST), HttpStatus.SEE_OTHER);
    }
}
