package org.lede.web.api.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.newsroom.NewsroomQueries;
import org.lede.web.support.ProblemException;

/**
 * The media library through the admin API. An upload is the image itself as the request body,
 * typed {@code image/png} or {@code image/jpeg}, with its description in the query; it passes
 * the same checks as the newsroom's upload form (size, pixels, structure), with the same answers.
 */
public final class AdminMediaRoutes {
    private final MediaService media;
    private final NewsroomQueries queries;

    public AdminMediaRoutes(MediaService media, NewsroomQueries queries) {
        this.media = media;
        this.queries = queries;
    }

    public void register(RoutesConfig routes) {
        String base = AdminApi.BASE + "/media";
        routes.get(base, this::list);
        routes.post(base, this::upload);
        routes.get(
                base + "/{id}",
                ctx -> JsonBody.answer(
                        ctx, 200, AdminJson.media(queries.mediaItem(AdminApi.actor(ctx), ctx.pathParam("id")))));
        routes.put(base + "/{id}", this::describe);
    }

    private void list(Context ctx) {
        int limit = AdminStoryRoutes.limit(ctx);
        int offset = offset(ctx);
        List<Media> found = queries.media(AdminApi.actor(ctx), limit + 1, offset);
        boolean more = found.size() > limit;
        JsonBody.answer(
                ctx,
                200,
                AdminJson.list(
                        found.stream().limit(limit).map(AdminJson::media).toList(),
                        more ? Integer.toString(offset + limit) : null));
    }

    private void upload(Context ctx) {
        String type = ctx.contentType() == null
                ? ""
                : ctx.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw new ProblemException(
                    415, "Send the image itself as the body, typed image/png or image/jpeg (not \"" + type + "\").");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > 0) {
            MediaService.checkSize(declared);
        }
        String credit = AdminStoryRoutes.blankToNull(ctx.queryParam("credit"));
        String name = AdminStoryRoutes.blankToNull(ctx.queryParam("name"));
        Media added = media.add(
                AdminApi.actor(ctx),
                body(ctx),
                name == null ? "upload." + (type.equals("image/png") ? "png" : "jpg") : name,
                AdminStoryRoutes.blankToNull(ctx.queryParam("alt")),
                AdminStoryRoutes.blankToNull(ctx.queryParam("caption")),
                credit == null ? null : Credit.parse(credit));
        ctx.header("Location", AdminApi.BASE + "/media/" + added.id());
        JsonBody.answer(ctx, 201, AdminJson.media(added));
    }

    private void describe(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("alt", "caption", "credit"));
        Credit credit = body.has("credit") ? AdminJson.credit(body, "credit") : null;
        Media described = media.describe(
                AdminApi.actor(ctx), ctx.pathParam("id"), body.text("alt"), body.text("caption"), credit);
        JsonBody.answer(ctx, 200, AdminJson.media(described));
    }

    /** Read up to one byte past the limit, so a body that declared no length cannot make us hold more. */
    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) MediaService.MAX_BYTES + 1);
            MediaService.checkSize(bytes.length);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an upload", e);
        }
    }

    private static int offset(Context ctx) {
        String text = AdminStoryRoutes.blankToNull(ctx.queryParam("cursor"));
        try {
            return text == null ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "This page of the media list does not exist.");
        }
    }
}
