package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lede.Services;
import org.lede.common.Ids;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.common.StaleRevisionException;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardService;
import org.lede.story.Story;

/**
 * Curated hubs: the list, and an editor that works without script. Items are lines of text
 * ({@link DashboardItemsText}), and a search finds the slugs of stories to put on them.
 */
public final class DashboardRoutes {
    private static final int SEARCH_SIZE = 20;
    private final Services services;
    private final DashboardService dashboards;
    private final NewsroomViews views;
    private final DashboardItemsText.StoryLookup lookup;

    public DashboardRoutes(Services services, NewsroomViews views) {
        this.services = services;
        this.dashboards = services.dashboardService();
        this.views = views;
        this.lookup = new DashboardItemsText.StoryLookup() {
            @Override
            public Optional<String> idOfSlug(String slug) {
                Optional<Story> bySlug = services.stories().findBySlug(slug);
                return (bySlug.isPresent() || !Ids.isValid(slug) ? bySlug : services.stories().find(slug)).map(Story::id);
            }

            @Override
            public Optional<String> slugOfId(String id) {
                return services.stories().find(id).map(Story::slug);
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
    }

    /** The editor's fields as typed, items included, so a refused form comes back exactly as it was sent. */
    public record DashboardForm(String slug, String title, String intro, String topicId, String mediaId,
                                String caption, String credit, String items) {
        static DashboardForm from(Context ctx) {
            return new DashboardForm(value(ctx, "slug"), value(ctx, "title"), value(ctx, "intro"), value(ctx, "topic"),
                    value(ctx, "illustration"), value(ctx, "caption"), value(ctx, "credit"), value(ctx, "items"));
        }

        static DashboardForm of(Dashboard d, DashboardItemsText.StoryLookup lookup) {
            ImageBlock art = d.illustration();
            return new DashboardForm(d.slug(), d.title(), orEmpty(d.intro()), orEmpty(d.topicId()),
                    art == null ? "" : art.mediaId(), art == null ? "" : orEmpty(art.caption()),
                    art == null || art.credit() == null ? "" : art.credit().render(),
                    DashboardItemsText.format(d.items(), lookup));
        }

        static DashboardForm empty() {
            return new DashboardForm("", "", "", "", "", "", "", "");
        }

        private static String value(Context ctx, String name) {
            String v = ctx.formParam(name);
            return v == null ? "" : v;
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    private DashboardService.DashboardForm parse(DashboardForm form) {
        ImageBlock illustration = null;
        if (!form.mediaId().isBlank()) {
            String mediaId = form.mediaId().strip();
            if (services.media().find(mediaId).isEmpty()) {
                throw new ValidationException("illustration", "The illustration is not in the media library; choose another.");
            }
            illustration = new ImageBlock(mediaId, form.caption(), form.credit().isBlank() ? null : Credit.parse(form.credit()));
        }
        String slug = form.slug().isBlank() ? Slugs.slugify(form.title()) : form.slug().strip();
        return new DashboardService.DashboardForm(slug, form.title(), form.intro(),
                form.topicId().isBlank() ? null : form.topicId().strip(), illustration,
                DashboardItemsText.parse(form.items(), lookup));
    }

    private void list(Context ctx) {
        views.render(ctx, 200, "newsroom/dashboards.jte", "Dashboards", "dashboards", ctx.queryParam("notice"),
                "dashboards", services.dashboards().all(), "zone", views.site().zone());
    }

    private void newDashboard(Context ctx) {
        showEditor(ctx, 200, null, null, DashboardForm.empty());
    }

    private void create(Context ctx) {
        DashboardForm form = DashboardForm.from(ctx);
        try {
            Dashboard created = dashboards.create(NewsroomAuth.actor(ctx), parse(form));
            ctx.redirect("/newsroom/dashboards/" + created.id() + "?notice=Dashboard+created.", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showEditor(ctx, StoryRoutes.status(e), e.getMessage(), null, form);
        }
    }

    private void edit(Context ctx) {
        Dashboard dashboard = dashboard(ctx);
        showEditor(ctx, 200, ctx.queryParam("notice"), dashboard, DashboardForm.of(dashboard, lookup));
    }

    private void save(Context ctx) {
        Dashboard dashboard = dashboard(ctx);
        DashboardForm form = DashboardForm.from(ctx);
        try {
            Dashboard saved = dashboards.update(NewsroomAuth.actor(ctx), dashboard.id(), Forms.revision(ctx), parse(form));
            ctx.redirect("/newsroom/dashboards/" + saved.id() + "?notice=" + URLEncoder.encode("Saved (revision "
                    + saved.revision() + ").", StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            // The form keeps the editor's text but carries the current revision, so saving again is a deliberate overwrite.
            showEditor(ctx, 409, e.getMessage() + " Your text is kept below; saving it again replaces their changes.",
                    dashboard, form);
        } catch (LedeException e) {
            showEditor(ctx, StoryRoutes.status(e), e.getMessage(), dashboard, form);
        }
    }

    private void showEditor(Context ctx, int status, String notice, Dashboard dashboard, DashboardForm form) {
        views.render(ctx, status, "newsroom/dashboard.jte", dashboard == null ? "New dashboard" : "Edit dashboard",
                "dashboards", notice, "dashboard", dashboard, "form", form, "topics", services.topics().all(),
                "media", services.media().latest(60, 0));
    }

    /** Whole page without script; with {@code part=list}, only the list, for the editor's script to show in place. */
    private void findStories(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        List<Story> found = query.isEmpty() ? List.of() : services.stories().list(null, query, null, SEARCH_SIZE, 0);
        if ("list".equals(ctx.queryParam("part"))) {
            ctx.html(views.fragment("newsroom/story-matches.jte", Map.of("stories", found, "query", query)));
            return;
        }
        views.render(ctx, 200, "newsroom/dashboard-stories.jte", "Find stories", "dashboards", null,
                "stories", found, "query", query);
    }

    private Dashboard dashboard(Context ctx) {
        return services.dashboards().find(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("There is no such dashboard."));
    }
}
