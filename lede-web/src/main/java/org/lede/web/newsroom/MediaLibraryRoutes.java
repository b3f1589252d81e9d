package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lede.common.LedeException;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.media.MediaStore;

/** The media library: every uploaded image with its alt text, caption and credit; uploads and descriptions. */
public final class MediaLibraryRoutes {
    private static final int PAGE_SIZE = 48;
    private final MediaService media;
    private final MediaStore store;
    private final NewsroomViews views;

    public MediaLibraryRoutes(MediaService media, MediaStore store, NewsroomViews views) {
        this.media = media;
        this.store = store;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/media", this::library);
        routes.post("/newsroom/media", this::upload);
        routes.get("/newsroom/media/{id}", this::edit);
        routes.post("/newsroom/media/{id}", this::describe);
    }

    /** The describing fields as typed, so a refused form comes back as it was sent. */
    public record MediaForm(String alt, String caption, String credit) {
        static MediaForm from(Context ctx) {
            return new MediaForm(value(ctx, "alt"), value(ctx, "caption"), value(ctx, "credit"));
        }

        static MediaForm of(Media media) {
            return new MediaForm(media.alt() == null ? "" : media.alt(),
                    media.defaultCaption() == null ? "" : media.defaultCaption(),
                    media.defaultCredit() == null ? "" : media.defaultCredit().render());
        }

        static MediaForm empty() {
            return new MediaForm("", "", "");
        }

        Credit parsedCredit() {
            return credit.isBlank() ? null : Credit.parse(credit);
        }

        private static String value(Context ctx, String name) {
            String v = ctx.formParam(name);
            return v == null ? "" : v;
        }
    }

    private void library(Context ctx) {
        showLibrary(ctx, 200, ctx.queryParam("notice"), MediaForm.empty());
    }

    private void showLibrary(Context ctx, int status, String notice, MediaForm form) {
        int page = pageNumber(ctx.queryParam("page"));
        List<Media> found = store.latest(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        List<MediaCard> cards = found.stream().limit(PAGE_SIZE).map(MediaCard::of).toList();
        views.render(ctx, status, "newsroom/media.jte", "Media", "media", notice, "items", cards, "form", form,
                "pageNumber", page, "hasMore", found.size() > PAGE_SIZE);
    }

    private void upload(Context ctx) {
        MediaForm form = MediaForm.from(ctx);
        try {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.size() == 0 || file.filename() == null || file.filename().isBlank()) {
                throw new ValidationException("file", "Choose an image file to upload.");
            }
            Media added = media.add(NewsroomAuth.actor(ctx), bytes(file), baseName(file.filename()), form.alt(),
                    form.caption(), form.parsedCredit());
            ctx.redirect("/newsroom/media?notice=" + URLEncoder.encode("Uploaded “" + MediaCard.of(added).name()
                    + "”." + (added.hasAlt() ? "" : " Add its alt text before using it in a story."),
                    StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showLibrary(ctx, StoryRoutes.status(e), e.getMessage(), form);
        }
    }

    private void edit(Context ctx) {
        Media item = item(ctx);
        showItem(ctx, 200, ctx.queryParam("notice"), item, MediaForm.of(item));
    }

    private void showItem(Context ctx, int status, String notice, Media item, MediaForm form) {
        views.render(ctx, status, "newsroom/media-item.jte", "Image details", "media", notice,
                "card", MediaCard.of(item), "form", form, "zone", views.site().zone());
    }

    private void describe(Context ctx) {
        Media item = item(ctx);
        MediaForm form = MediaForm.from(ctx);
        try {
            media.describe(NewsroomAuth.actor(ctx), item.id(), form.alt(), form.caption(), form.parsedCredit());
            ctx.redirect("/newsroom/media/" + item.id() + "?notice=Saved.", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showItem(ctx, StoryRoutes.status(e), e.getMessage(), item, form);
        }
    }

    private Media item(Context ctx) {
        return store.find(ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("There is no such image."));
    }

    /** Whole files are read: the server's request limit bounds them, and the service says how far over its own limit one is. */
    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an upload", e);
        }
    }

    /** Browsers may send a whole path as the file name; only its last part means anything to us. */
    private static String baseName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    static int pageNumber(String raw) {
        try {
            return raw == null ? 1 : Math.max(1, Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
