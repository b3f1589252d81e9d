package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.lede.Services;
import org.lede.common.LedeException;
import org.lede.story.Story;

/** The home page's top stories, in the editors' order. */
public final class TopStoriesRoutes {
    private final Services services;
    private final NewsroomViews views;

    public TopStoriesRoutes(Services services, NewsroomViews views) {
        this.services = services;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/top", this::show);
        routes.post("/newsroom/top", this::save);
    }

    private void show(Context ctx) {
        NewsroomAuth.actor(ctx).requireEditor("Only editors and admins choose the top stories.");
        show(ctx, 200, ctx.queryParam("notice"), current());
    }

    private String current() {
        return String.join("\n", services.stories().findAll(services.stories().topStoryIds()).stream()
                .map(Story::slug).toList());
    }

    private void show(Context ctx, int status, String notice, String slugs) {
        views.render(ctx, status, "newsroom/top.jte", "Top stories", "top", notice, "slugs", slugs,
                "latest", services.stories().latestPublished(20, 0));
    }

    private void save(Context ctx) {
        String text = ctx.formParam("slugs") == null ? "" : ctx.formParam("slugs");
        try {
            var slugs = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            services.storyService().setTopStories(NewsroomAuth.actor(ctx), Slugs.toStoryIds(services.stories(), slugs));
            ctx.redirect("/newsroom/top?notice=Top+stories+saved.", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, StoryRoutes.status(e), e.getMessage(), text);
        }
    }
}
