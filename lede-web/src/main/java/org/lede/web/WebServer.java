package org.lede.web;

import io.javalin.Javalin;
import java.util.Map;
import org.lede.media.Renditions;
import org.lede.reading.Figure;
import org.lede.reading.ReaderQueries;
import org.lede.Services;
import org.lede.web.reader.MediaRoutes;
import org.lede.web.reader.Page;
import org.lede.web.reader.ReaderRoutes;
import org.lede.web.support.ErrorPages;
import org.lede.web.support.Templates;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, carrying the reader site, media and
 * the error pages. Route classes are separate per audience and share the core's services.
 */
public final class WebServer {
    private final Javalin app;

    public WebServer(Services services, ReaderQueries reader) {
        Templates templates = new Templates();
        ReaderRoutes readerRoutes = new ReaderRoutes(reader, templates);
        MediaRoutes mediaRoutes = new MediaRoutes(new Renditions(services.media(), services.blobs(), Figure.WIDTHS));
        ErrorPages errors = new ErrorPages((ctx, status, title, message) -> templates.render("reader/error.jte",
                Map.of("page", new Page(reader.site(), reader.topics(), title, null, null, ctx.path(), reader.now()),
                        "status", status, "message", message)));
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 25L * 1024 * 1024;
            readerRoutes.register(config.routes);
            mediaRoutes.register(config.routes);
            errors.register(config.routes);
        });
    }

    /** Starts listening; port 0 picks a free one, see {@link #port()}. */
    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
