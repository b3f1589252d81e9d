package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.lede.newsroom.NewsroomQueries;
import org.lede.related.Blend;

/** Why Go deeper shows what it shows under a story: each pick with its score's parts, for editors and admins. */
public final class GoDeeperRoutes {
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public GoDeeperRoutes(NewsroomQueries queries, NewsroomViews views) {
        this.queries = queries;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/stories/{id}/related", this::explain);
    }

    private void explain(Context ctx) {
        NewsroomQueries.GoDeeperPicks found = queries.goDeeper(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        views.render(
                ctx,
                200,
                GoDeeperModel.of(
                        views.page(ctx, "Go deeper picks", Section.STORIES, null),
                        found,
                        Blend.Weights.STANDARD,
                        views.site().zone()));
    }
}
