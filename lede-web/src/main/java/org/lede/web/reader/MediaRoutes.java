package org.lede.web.reader;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.lede.common.Ids;
import org.lede.media.Renditions;

/**
 * Media files at {@code /media/{id}/{width}.{ext}}, read from storage and never decoded here. They
 * never change, so browsers and CDNs may keep them for a year.
 */
public final class MediaRoutes {
    private final Renditions renditions;

    public MediaRoutes(Renditions renditions) {
        this.renditions = renditions;
    }

    public void register(RoutesConfig routes) {
        routes.get("/media/{id}/{file}", this::file);
    }

    private void file(Context ctx) {
        String id = ctx.pathParam("id");
        String file = ctx.pathParam("file");
        int dot = file.indexOf('.');
        if (!Ids.isValid(id) || dot < 1 || !file.substring(0, dot).matches("[0-9]{1,5}")) {
            throw new NotFoundResponse();
        }
        var rendition = renditions
                .get(id, Integer.parseInt(file.substring(0, dot)), file.substring(dot + 1))
                .orElseThrow(NotFoundResponse::new);
        // The original standing in for a rendition still being made must not be kept under its address.
        ctx.header("Cache-Control", rendition.lasting() ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.contentType(rendition.type().mime()).result(rendition.bytes());
    }
}
