package org.lede.web.reader;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lede.reading.ReaderQueries;
import org.lede.reading.StoryCard;
import org.lede.reading.StoryView;
import org.lede.web.support.Templates;

/** The public site. Every page is built from published state only. */
public final class ReaderRoutes {
    static final int PAGE_SIZE = 10;
    private static final int MAX_PAGE = 1000;
    private final ReaderQueries queries;
    private final Templates templates;

    public ReaderRoutes(ReaderQueries queries, Templates templates) {
        this.queries = queries;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.get("/{yyyy}/{mm}/{dd}/{slug}", this::story);
    }

    Page page(Context ctx, String title, String description, String canonical) {
        return new Page(queries.site(), queries.topics(), title, description, canonical, ctx.path(), queries.now());
    }

    private void home(Context ctx) {
        int number = pageNumber(ctx);
        List<StoryCard> cards = queries.latest(PAGE_SIZE + 1, (number - 1) * PAGE_SIZE);
        if (number > 1 && cards.isEmpty()) {
            throw new NotFoundResponse();
        }
        boolean more = cards.size() > PAGE_SIZE;
        String canonical = number == 1 ? "/" : "/?page=" + number;
        Page page = page(ctx, number == 1 ? null : "Latest stories, page " + number, queries.site().tagline(), canonical);
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("cards", more ? cards.subList(0, PAGE_SIZE) : cards);
        model.put("newerUrl", number == 1 ? null : (number == 2 ? "/" : "/?page=" + (number - 1)));
        model.put("olderUrl", more ? "/?page=" + (number + 1) : null);
        html(ctx, templates.render("reader/home.jte", model));
    }

    private void story(Context ctx) {
        StoryView story = queries.story(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        if (!ctx.path().equals(story.url())) {
            // A mistyped or changed date: send readers and crawlers to the one address.
            ctx.redirect(story.url(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Page page = page(ctx, story.headline(), story.dek(), story.url());
        html(ctx, templates.render("reader/story.jte", Map.of("page", page, "story", story)));
    }

    private static int pageNumber(Context ctx) {
        String raw = ctx.queryParam("page");
        if (raw == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // handled below
        }
        throw new io.javalin.http.BadRequestResponse("The page number must be a whole number from 1 to " + MAX_PAGE + ".");
    }

    static void html(Context ctx, String body) {
        ctx.contentType("text/html; charset=utf-8").result(body);
    }
}
