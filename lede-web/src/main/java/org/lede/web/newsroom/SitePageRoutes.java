package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import org.lede.authoring.AuthoringText;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.common.ValidationException;
import org.lede.newsroom.NewsroomQueries;
import org.lede.page.SitePage;
import org.lede.page.SitePageService;
import org.lede.page.SitePageService.Action;
import org.lede.page.SitePageService.SitePageCommand;
import org.lede.page.SitePageService.SitePageFields;

/** The site's pages (About, Contact ...): listing, writing, publishing and unpublishing them. */
public final class SitePageRoutes {
    private final SitePageService service;
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public SitePageRoutes(SitePageService service, NewsroomQueries queries, NewsroomViews views) {
        this.service = service;
        this.queries = queries;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/pages", this::list);
        routes.get("/newsroom/pages/new", this::blank);
        routes.post("/newsroom/pages", this::create);
        routes.get("/newsroom/pages/{id}", this::edit);
        routes.post("/newsroom/pages/{id}", this::save);
    }

    /**
     * A page's fields as typed, so a refused form comes back as it was sent.
     *
     * @param body the authoring text, as stories are written
     */
    public record SitePageForm(String title, String slug, String position, String body, String revision) {
        static SitePageForm from(Context ctx) {
            return new SitePageForm(
                    Forms.value(ctx, "title"),
                    Forms.value(ctx, "slug"),
                    Forms.value(ctx, "position"),
                    // The body keeps its line breaks; AuthoringText.parse removes other control characters.
                    ctx.formParam("body") == null ? "" : ctx.formParam("body"),
                    Forms.value(ctx, "revision"));
        }

        static SitePageForm of(SitePage page) {
            return new SitePageForm(
                    page.title(),
                    page.slug(),
                    Integer.toString(page.position()),
                    AuthoringText.format(page.body()),
                    Integer.toString(page.revision()));
        }

        SitePageFields fields() {
            return new SitePageFields(
                    slug.isBlank() ? Slugs.slugify(title) : slug.strip(),
                    title,
                    AuthoringText.parse(body),
                    parsedPosition());
        }

        private int parsedPosition() {
            try {
                return Integer.parseInt(position.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException(
                        "position", "The position is a whole number, such as 3, not “" + position + "”.");
            }
        }
    }

    private void list(Context ctx) {
        List<SitePage> pages = queries.sitePages(NewsroomAuth.actor(ctx));
        views.render(
                ctx,
                200,
                new SitePagesModel(
                        views.page(ctx, "Pages", Section.PAGES, Notice.textOf(ctx)),
                        pages,
                        views.site().zone()));
    }

    private void blank(Context ctx) {
        int next = queries.sitePages(NewsroomAuth.actor(ctx)).stream()
                        .mapToInt(SitePage::position)
                        .max()
                        .orElse(0)
                + 1;
        showForm(ctx, 200, null, null, new SitePageForm("", "", Integer.toString(next), "", ""));
    }

    private void create(Context ctx) {
        service.requireEditor(NewsroomAuth.actor(ctx));
        SitePageForm form = SitePageForm.from(ctx);
        try {
            Action action = action(ctx);
            SitePage page = service.create(NewsroomAuth.actor(ctx), new SitePageCommand(form.fields(), action));
            Notice notice = action == Action.PUBLISH ? Notice.PAGE_PUBLISHED : Notice.PAGE_CREATED;
            ctx.redirect(notice.on("/newsroom/pages/" + page.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showForm(ctx, e.status(), e.getMessage(), null, form);
        }
    }

    private void edit(Context ctx) {
        SitePage page = queries.sitePage(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        showForm(ctx, 200, Notice.textOf(ctx, page.title()), page, SitePageForm.of(page));
    }

    private void save(Context ctx) {
        SitePage page = queries.sitePage(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        SitePageForm form = SitePageForm.from(ctx);
        try {
            Action action = action(ctx);
            service.apply(
                    NewsroomAuth.actor(ctx),
                    page.id(),
                    Forms.revision(ctx),
                    new SitePageCommand(form.fields(), action));
            Notice notice = switch (action) {
                case SAVE -> Notice.SAVED;
                case PUBLISH -> Notice.PAGE_PUBLISHED;
                case UNPUBLISH -> Notice.PAGE_UNPUBLISHED;
            };
            ctx.redirect(notice.on("/newsroom/pages/" + page.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            // The form comes back as typed, still naming the revision it was made from, so a stale
            // save cannot go through by pressing the button again.
            showForm(ctx, e.status(), e.getMessage(), page, form);
        }
    }

    private static Action action(Context ctx) {
        String action = Forms.value(ctx, "action");
        try {
            return action.isEmpty() ? Action.SAVE : Action.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("action", "Choose save, publish or unpublish.");
        }
    }

    private void showForm(Context ctx, int status, String notice, SitePage page, SitePageForm form) {
        String title = page == null ? "New page" : "Page: " + page.title();
        views.render(ctx, status, new SitePageModel(views.page(ctx, title, Section.PAGES, notice), page, form));
    }
}
