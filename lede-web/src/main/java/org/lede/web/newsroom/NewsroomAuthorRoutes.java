package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.lede.author.Author;
import org.lede.author.AuthorService;
import org.lede.author.AuthorStore;
import org.lede.common.LedeException;
import org.lede.common.Slugs;

/** Bylines: listing, creating and editing staff authors and outside contributors. */
public final class NewsroomAuthorRoutes {
    private final AuthorService service;
    private final AuthorStore authors;
    private final NewsroomViews views;

    public NewsroomAuthorRoutes(AuthorService service, AuthorStore authors, NewsroomViews views) {
        this.service = service;
        this.authors = authors;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/authors", this::list);
        routes.post("/newsroom/authors", this::create);
        routes.get("/newsroom/authors/{id}", this::edit);
        routes.post("/newsroom/authors/{id}", this::save);
    }

    /** An author's fields as typed, so a refused form comes back as it was sent. */
    public record AuthorForm(String slug, String name, String title, String bio, boolean contributor) {
        static AuthorForm from(Context ctx) {
            return new AuthorForm(value(ctx, "slug"), value(ctx, "name"), value(ctx, "title"), value(ctx, "bio"),
                    ctx.formParam("contributor") != null);
        }

        static AuthorForm of(Author author) {
            return new AuthorForm(author.slug(), author.name(), author.title() == null ? "" : author.title(),
                    author.bio() == null ? "" : author.bio(), author.contributor());
        }

        static AuthorForm empty() {
            return new AuthorForm("", "", "", "", false);
        }

        /** A slug left empty is made from the name, as most slugs are. */
        String slugOrFromName() {
            return slug.isBlank() ? Slugs.slugify(name) : slug.strip();
        }

        private static String value(Context ctx, String name) {
            String v = ctx.formParam(name);
            return v == null ? "" : v;
        }
    }

    private void list(Context ctx) {
        showList(ctx, 200, ctx.queryParam("notice"), AuthorForm.empty());
    }

    private void showList(Context ctx, int status, String notice, AuthorForm form) {
        views.render(ctx, status, "newsroom/authors.jte", "Authors", "authors", notice, "authors", authors.all(),
                "form", form);
    }

    private void create(Context ctx) {
        AuthorForm form = AuthorForm.from(ctx);
        try {
            Author author = service.create(NewsroomAuth.actor(ctx), new AuthorService.AuthorForm(form.slugOrFromName(),
                    form.name(), form.title(), form.bio(), null, form.contributor()));
            ctx.redirect("/newsroom/authors?notice=" + URLEncoder.encode("Created the author “" + author.name() + "”.",
                    StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showList(ctx, StoryRoutes.status(e), e.getMessage(), form);
        }
    }

    private void edit(Context ctx) {
        Author author = author(ctx);
        showAuthor(ctx, 200, ctx.queryParam("notice"), author, AuthorForm.of(author));
    }

    private void showAuthor(Context ctx, int status, String notice, Author author, AuthorForm form) {
        views.render(ctx, status, "newsroom/author.jte", "Author: " + author.name(), "authors", notice,
                "author", author, "form", form);
    }

    private void save(Context ctx) {
        Author author = author(ctx);
        AuthorForm form = AuthorForm.from(ctx);
        try {
            service.update(NewsroomAuth.actor(ctx), new Author(author.id(), form.slugOrFromName(), form.name(),
                    form.title(), form.bio(), author.avatarMediaId(), form.contributor(), author.userId()));
            ctx.redirect("/newsroom/authors/" + author.id() + "?notice=Saved.", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showAuthor(ctx, StoryRoutes.status(e), e.getMessage(), author, form);
        }
    }

    private Author author(Context ctx) {
        return authors.find(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("There is no such author."));
    }
}
