package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.lede.common.LedeException;
import org.lede.common.ValidationException;
import org.lede.newsroom.NewsroomQueries;
import org.lede.story.Story;
import org.lede.story.StoryService;
import org.lede.user.Actor;

/** The home page's top stories, in the editors' order. */
public final class TopStoriesRoutes {
    private static final int LATEST = 20;
    private final StoryService stories;
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public TopStoriesRoutes(StoryService stories, NewsroomQueries queries, NewsroomViews views) {
        this.stories = stories;
        this.queries = queries;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/top", this::show);
        routes.post("/newsroom/top", this::save);
    }

    private void show(Context ctx) {
        Actor actor = NewsroomAuth.actor(ctx);
        String slugs = String.join(
                "\n", queries.topStories(actor).stream().map(Story::slug).toList());
        show(ctx, 200, Notice.textOf(ctx), slugs);
    }

    private void show(Context ctx, int status, String notice, String slugs) {
        Actor actor = NewsroomAuth.actor(ctx);
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        views.render(
                ctx,
                status,
                new TopStoriesModel(
                        views.page(ctx, "Top stories", Section.TOP, notice),
                        slugs,
                        query,
                        query.isEmpty()
                                ? queries.latestPublished(actor, LATEST)
                                : queries.findLiveStories(actor, query, LATEST)));
    }

    private void save(Context ctx) {
        String text = Forms.value(ctx, "slugs");
        Actor actor = NewsroomAuth.actor(ctx);
        try {
            List<String> ids = text.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(slug -> queries.storyByReference(actor, slug)
                            .map(Story::id)
                            .orElseThrow(() -> new ValidationException(
                                    "top", "There is no story with the slug \"" + slug + "\".")))
                    .toList();
            stories.setTopStories(actor, ids);
            ctx.redirect(Notice.TOP_SAVED.on("/newsroom/top"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage(), text);
        }
    }
}
