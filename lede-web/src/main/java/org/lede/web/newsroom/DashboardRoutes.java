package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.common.StaleRevisionException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardService;
import org.lede.newsroom.NewsroomQueries;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.web.support.Templates;

/**
 * Curated hubs: the list, and an editor that works without script. Items are lines of text
 * ({@link DashboardItemsText}), and a search finds the slugs of stories to put on them.
 */
public final class DashboardRoutes {
    private static final int SEARCH_SIZE = 20;
    private static final int MEDIA_CHOICES = 60;
    private final DashboardService dashboards;
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public DashboardRoutes(DashboardService dashboards, NewsroomQueries queries, NewsroomViews views) {
        this.dashboards = dashboards;
        this.queries = queries;
        this.views = views;
    }

    /** Slugs and ids of stories in item lines, as this actor may see them. */
    private DashboardItemsText.StoryLookup lookup(Actor actor) {
        return new DashboardItemsText.StoryLookup() {
            @Override
            public Optional<String> idOfSlug(String slug) {
                return queries.storyByReference(actor, slug).map(Story::id);
            }

            @Override
            public Optional<String> slugOfId(String id) {
                return queries.slugsOf(actor, List.of(id)).stream().findFirst();
            }
        };
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/dashboards", this::list);
        routes.get("/newsroom/dashboards/new", this::newDashboard);
        routes.get("/newsroom/dashboards/stories", this::findStories);
        routes.post("/newsroom/dashboards", this::create);
        routes.get("/newsroom/dashboards/{id}", this::edit);
        routes.post("/newsroom/dashboards/{id}", this::save);
        routes.get("/newsroom/dashboards/{id}/delete", this::confirmDelete);
        routes.post("/newsroom/dashboards/{id}/delete", this::delete);
    }

    /** The editor's fields as typed, items included, so a refused form comes back exactly as it was sent. */
    public record DashboardForm(
            String slug,
            String title,
            String intro,
            String topicId,
            String mediaId,
            String caption,
            String credit,
            String items) {
        static DashboardForm from(Context ctx) {
            return new DashboardForm(
                    Forms.value(ctx, "slug"),
                    Forms.value(ctx, "title"),
                    Forms.value(ctx, "intro"),
                    Forms.value(ctx, "topic"),
                    Forms.value(ctx, "illustration"),
                    Forms.value(ctx, "caption"),
                    Forms.value(ctx, "credit"),
                    Forms.value(ctx, "items"));
        }

        static DashboardForm of(Dashboard d, DashboardItemsText.StoryLookup lookup) {
            ImageBlock art = d.illustration();
            return new DashboardForm(
                    d.slug(),
                    d.title(),
                    Forms.orEmpty(d.intro()),
                    Forms.orEmpty(d.topicId()),
                    art == null ? "" : art.mediaId(),
                    art == null ? "" : Forms.orEmpty(art.caption()),
                    art == null || art.credit() == null ? "" : art.credit().render(),
                    DashboardItemsText.format(d.items(), lookup));
        }

        static DashboardForm empty() {
            return new DashboardForm("", "", "", "", "", "", "", "");
        }
    }

    private DashboardService.DashboardFields parse(Actor actor, DashboardForm form) {
        dashboards.requireCurator(actor);
        ImageBlock illustration = null;
        if (!form.mediaId().isBlank()) {
            String mediaId = form.mediaId().strip();
            illustration = new ImageBlock(
                    mediaId, form.caption(), form.credit().isBlank() ? null : Credit.parse(form.credit()));
        }
        String slug = form.slug().isBlank()
                ? Slugs.slugify(form.title())
                : form.slug().strip();
        return new DashboardService.DashboardFields(
                slug,
                form.title(),
                form.intro(),
                form.topicId().isBlank() ? null : form.topicId().strip(),
                illustration,
                DashboardItemsText.parse(form.items(), lookup(actor)));
    }

    private void list(Context ctx) {
        views.render(
                ctx,
                200,
                new DashboardsModel(
                        views.page(ctx, "Dashboards", Section.DASHBOARDS, Notice.textOf(ctx)),
                        queries.dashboards(NewsroomAuth.actor(ctx)),
                        views.site().zone()));
    }

    private void newDashboard(Context ctx) {
        showEditor(ctx, 200, null, null, DashboardForm.empty());
    }

    private void create(Context ctx) {
        DashboardForm form = DashboardForm.from(ctx);
        try {
            Actor actor = NewsroomAuth.actor(ctx);
            Dashboard created = dashboards.create(actor, parse(actor, form));
            ctx.redirect(Notice.DASHBOARD_CREATED.on("/newsroom/dashboards/" + created.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showEditor(ctx, e.status(), e.getMessage(), null, form);
        }
    }

    private void edit(Context ctx) {
        Dashboard dashboard = dashboard(ctx);
        showEditor(
                ctx,
                200,
                Notice.textOf(ctx, dashboard.revision()),
                dashboard,
                DashboardForm.of(dashboard, lookup(NewsroomAuth.actor(ctx))));
    }

    private void save(Context ctx) {
        Dashboard dashboard = dashboard(ctx);
        DashboardForm form = DashboardForm.from(ctx);
        try {
            Actor actor = NewsroomAuth.actor(ctx);
            Dashboard saved = dashboards.update(actor, dashboard.id(), Forms.revision(ctx), parse(actor, form));
            ctx.redirect(Notice.SAVED_REVISION.on("/newsroom/dashboards/" + saved.id()), HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            // The form keeps the editor's text but carries the current revision, so saving again is a deliberate
            // overwrite.
            showEditor(
                    ctx,
                    409,
                    e.getMessage() + " Your text is kept below; saving it again replaces their changes.",
                    dashboard,
                    form);
        } catch (LedeException e) {
            showEditor(ctx, e.status(), e.getMessage(), dashboard, form);
        }
    }

    private void showEditor(Context ctx, int status, String notice, Dashboard dashboard, DashboardForm form) {
        Actor actor = NewsroomAuth.actor(ctx);
        views.render(
                ctx,
                status,
                new DashboardModel(
                        views.page(
                                ctx,
                                dashboard == null ? "New dashboard" : "Edit dashboard",
                                Section.DASHBOARDS,
                                notice),
                        dashboard,
                        form,
                        queries.topics(actor),
                        queries.media(actor, MEDIA_CHOICES, 0)));
    }

    /** Whole page without script; with {@code part=list}, only the list, for the editor's script to show in place. */
    private void findStories(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        StoryMatchesModel matches =
                new StoryMatchesModel(queries.findStories(NewsroomAuth.actor(ctx), query, SEARCH_SIZE), query);
        if ("list".equals(ctx.queryParam("part"))) {
            ctx.contentType(Templates.HTML).result(views.fragment("newsroom/story-matches.jte", matches));
            return;
        }
        views.render(
                ctx, 200, new StoryFinderModel(views.page(ctx, "Find stories", Section.DASHBOARDS, null), matches));
    }

    private void confirmDelete(Context ctx) {
        Dashboard dashboard = dashboard(ctx);
        showConfirm(ctx, 200, dashboard, dashboard.revision(), null);
    }

    private void showConfirm(Context ctx, int status, Dashboard dashboard, int revision, String refusal) {
        views.render(
                ctx,
                status,
                new ConfirmModel(
                        views.page(ctx, "Delete “" + dashboard.title() + "”?", Section.DASHBOARDS, null),
                        "The dashboard is deleted for good, and its address tells readers it was taken down. A"
                                + " dashboard that stories pin under Go deeper cannot be deleted until the pins are"
                                + " removed.",
                        "/newsroom/dashboards/" + dashboard.id() + "/delete",
                        "Delete this dashboard",
                        revision,
                        List.of(),
                        "/newsroom/dashboards/" + dashboard.id(),
                        refusal));
    }

    private void delete(Context ctx) {
        Dashboard dashboard = dashboard(ctx);
        int revision = Forms.revision(ctx);
        try {
            dashboards.delete(NewsroomAuth.actor(ctx), dashboard.id(), revision);
            ctx.redirect(Notice.DASHBOARD_DELETED.on("/newsroom/dashboards"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showConfirm(ctx, e.status(), dashboard, revision, e.getMessage());
        }
    }

    private Dashboard dashboard(Context ctx) {
        return queries.dashboard(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
    }
}
