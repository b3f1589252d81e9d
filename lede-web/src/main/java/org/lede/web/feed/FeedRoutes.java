package org.lede.web.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.lede.common.GoneException;
import org.lede.outbox.PageKeys;
import org.lede.reading.AuthorView;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.reading.Urls;
import org.lede.topic.Topic;
import org.lede.web.cache.PageResponses;

/**
 * The site's, each topic's and each author's feeds in RSS, Atom and JSON Feed. Each is cached
 * under the keys of the page it mirrors and of every story in it, so the purges that refresh
 * the page refresh its feeds.
 */
public final class FeedRoutes {
    private final ReaderQueries queries;
    private final StoryHtml html;
    private final PageResponses responses;

    public FeedRoutes(ReaderQueries queries, StoryHtml html, PageResponses responses) {
        this.queries = queries;
        this.html = html;
        this.responses = responses;
    }

    public void register(RoutesConfig routes) {
        for (FeedFormat format : FeedFormat.values()) {
            routes.get("/" + format.file(), ctx -> site(ctx, format));
            routes.get("/topics/{slug}/" + format.file(), ctx -> topic(ctx, format));
            routes.get("/authors/{slug}/" + format.file(), ctx -> author(ctx, format));
        }
        // One address per feed: the RSS says rel="self" is /rss.xml, and a reader that followed the
        // redirect subscribes there, so the cache and the feed's self link never disagree.
        routes.get("/feed", ctx -> ctx.redirect("/" + FeedFormat.RSS.file(), HttpStatus.MOVED_PERMANENTLY));
    }

    private void site(Context ctx, FeedFormat format) {
        send(ctx, format, Feed.site(queries.site(), queries.feed(), queries.now()));
    }

    private void topic(Context ctx, FeedFormat format) {
        String slug = ctx.pathParam("slug");
        Optional<Topic> found = queries.topic(slug);
        if (found.isEmpty()) {
            // A merged topic's feed follows its stories, as its page does; a deleted one's is gone.
            Optional<Topic> mergedInto = queries.retiredTopic(slug).orElseThrow(NotFoundResponse::new);
            ctx.redirect(
                    Urls.topic(mergedInto
                                    .orElseThrow(() -> new GoneException("This topic has been removed."))
                                    .slug())
                            + "/" + format.file(),
                    HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Topic topic = found.get();
        SiteSettings site = queries.site();
        String path = Urls.topic(topic.slug());
        send(
                ctx,
                format,
                new Feed(
                        site,
                        topic.name() + " | " + site.name(),
                        topic.description() == null ? topic.name() + " from " + site.name() : topic.description(),
                        path,
                        path,
                        PageKeys.topic(topic.slug()),
                        queries.topicFeed(topic),
                        queries.now()));
    }

    private void author(Context ctx, FeedFormat format) {
        AuthorView author = queries.author(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        SiteSettings site = queries.site();
        String name = author.author().name();
        send(
                ctx,
                format,
                new Feed(
                        site,
                        name + " | " + site.name(),
                        author.author().bio() == null
                                ? "Stories by " + name
                                : author.author().bio(),
                        author.url(),
                        author.url(),
                        PageKeys.author(author.author().slug()),
                        queries.authorFeed(author.author()),
                        queries.now()));
    }

    private void send(Context ctx, FeedFormat format, Feed feed) {
        String body = switch (format) {
            case RSS -> RssWriter.write(feed, html);
            case ATOM -> AtomWriter.write(feed, html);
            case JSON -> JsonFeedWriter.write(feed, html);
        };
        responses.send(ctx, body, format.contentType(), feed.keys());
    }
}
