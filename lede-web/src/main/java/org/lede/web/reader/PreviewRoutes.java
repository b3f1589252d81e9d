package org.lede.web.reader;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.lede.reading.ReaderQueries;
import org.lede.reading.StoryView;
import org.lede.reading.StreamPage;
import org.lede.story.StoryPreviews;
import org.lede.web.cache.PageResponses;
import org.lede.web.support.Templates;

/**
 * A story as it stands, drafts included, for whoever holds a signed link from the newsroom: the
 * reader site's own page, with no session. It is rendered on every request and never enters the
 * page cache, so the draft's next save shows and nothing of it outlives the link.
 */
public final class PreviewRoutes {
    private final StoryPreviews previews;
    private final ReaderQueries queries;
    private final Templates templates;

    public PreviewRoutes(StoryPreviews previews, ReaderQueries queries, Templates templates) {
        this.previews = previews;
        this.queries = queries;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/preview/{token}", this::preview);
    }

    private void preview(Context ctx) {
        // Set before the token is checked, so the error page of a bad link carries them too.
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Referrer-Policy", "no-referrer");
        StoryView story = queries.previewOf(previews.open(ctx.pathParam("token")));
        Page page = new Page(
                queries.site(),
                queries.topics(),
                queries.publishedPages(),
                "Preview: " + story.headline(),
                story.dek(),
                null,
                ctx.path());
        ctx.contentType(PageResponses.HTML)
                .result(templates.render(
                        "reader/story.jte",
                        new StoryPageModel(
                                page,
                                story,
                                new StreamPage(List.of(), 1, false),
                                StructuredData.story(story, queries.site()))));
    }
}
