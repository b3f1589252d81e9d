package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.lede.author.Author;
import org.lede.author.AuthorService;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.newsroom.NewsroomQueries;

/** Bylines: listing, creating and editing staff authors and outside contributors. */
public final class NewsroomAuthorRoutes {
    private final AuthorService service;
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public NewsroomAuthorRoutes(AuthorService service, NewsroomQueries queries, NewsroomViews views) {
        this.service = service;
        this.queries = queries;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/authors", this::list);
        routes.post("/newsroom/authors", this::create);
        routes.get("/newsroom/authors/{id}", this::edit);
        routes.post("/newsroom/authors/{id}", this::save);
        routes.get("/newsroom/authors/{id}/delete", this::confirmDelete);
        routes.post("/newsroom/authors/{id}/delete", this::delete);
    }

    /** An author's fields as typed, so a refused form comes back as it was sent. */
    public record AuthorForm(String slug, String name, String title, String bio, boolean contributor) {
        static AuthorForm from(Context ctx) {
            return new AuthorForm(
                    Forms.value(ctx, "slug"),
                    Forms.value(ctx, "name"),
                    Forms.value(ctx, "title"),
                    Forms.value(ctx, "bio"),
                    ctx.formParam("contributor") != null);
        }

        static AuthorForm of(Author author) {
            return new AuthorForm(
                    author.slug(),
                    author.name(),
                    Forms.orEmpty(author.title()),
                    Forms.orEmpty(author.bio()),
                    author.contributor());
        }

        static AuthorForm empty() {
            return new AuthorForm("", "", "", "", false);
        }

        /** A slug left empty is made from the name, as most slugs are. */
        String slugOrFromName() {
            return slug.isBlank() ? Slugs.slugify(name) : slug.strip();
        }
    }

    private void list(Context ctx) {
        showList(ctx, 200, Notice.textOf(ctx), AuthorForm.empty());
    }

    private void showList(Context ctx, int status, String notice, AuthorForm form) {
        views.render(
                ctx,
                status,
                new AuthorsModel(
                        views.page(ctx, "Authors", Section.AUTHORS, notice),
                        queries.authors(NewsroomAuth.actor(ctx)),
                        form));
    }

    private void create(Context ctx) {
        AuthorForm form = AuthorForm.from(ctx);
        try {
            Author author = service.create(
                    NewsroomAuth.actor(ctx),
                    new AuthorService.AuthorFields(
                            form.slugOrFromName(), form.name(), form.title(), form.bio(), null, form.contributor()));
            ctx.redirect(Notice.AUTHOR_CREATED.on("/newsroom/authors/" + author.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showList(ctx, e.status(), e.getMessage(), form);
        }
    }

    private void edit(Context ctx) {
        Author author = author(ctx);
        showAuthor(ctx, 200, Notice.textOf(ctx, author.name()), author, AuthorForm.of(author));
    }

    private void showAuthor(Context ctx, int status, String notice, Author author, AuthorForm form) {
        views.render(
                ctx,
                status,
                new AuthorModel(views.page(ctx, "Author: " + author.name(), Section.AUTHORS, notice), author, form));
    }

    private void save(Context ctx) {
        Author author = author(ctx);
        AuthorForm form = AuthorForm.from(ctx);
        try {
            service.update(
                    NewsroomAuth.actor(ctx),
                    new Author(
                            author.id(),
                            form.slugOrFromName(),
                            form.name(),
                            form.title(),
                            form.bio(),
                            author.avatarMediaId(),
                            form.contributor(),
                            author.userId()));
            ctx.redirect(Notice.SAVED.on("/newsroom/authors/" + author.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showAuthor(ctx, e.status(), e.getMessage(), author, form);
        }
    }

    private void confirmDelete(Context ctx) {
        showConfirm(ctx, 200, author(ctx), null);
    }

    private void showConfirm(Context ctx, int status, Author author, String refusal) {
        views.render(
                ctx,
                status,
                new ConfirmModel(
                        views.page(ctx, "Delete “" + author.name() + "”?", Section.AUTHORS, null),
                        "The author and their page are deleted for good. An author on any story's byline cannot be"
                                + " deleted until they are taken off it.",
                        "/newsroom/authors/" + author.id() + "/delete",
                        "Delete this author",
                        null,
                        List.of(),
                        "/newsroom/authors/" + author.id(),
                        refusal));
    }

    private void delete(Context ctx) {
        Author author = author(ctx);
        try {
            service.delete(NewsroomAuth.actor(ctx), author.id());
            ctx.redirect(Notice.AUTHOR_DELETED.on("/newsroom/authors"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showConfirm(ctx, e.status(), author, e.getMessage());
        }
    }

    private Author author(Context ctx) {
        return queries.author(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
    }
}
