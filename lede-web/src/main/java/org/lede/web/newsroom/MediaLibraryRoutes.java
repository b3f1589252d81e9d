package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.lede.common.LedeException;
import org.lede.common.NotFoundException;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.newsroom.NewsroomQueries;

/** The media library: every uploaded image with its alt text, caption and credit; uploads and descriptions. */
public final class MediaLibraryRoutes {
    private static final int PAGE_SIZE = 48;
    private final MediaService media;
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public MediaLibraryRoutes(MediaService media, NewsroomQueries queries, NewsroomViews views) {
        this.media = media;
        this.queries = queries;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/media", this::library);
        routes.post("/newsroom/media", this::upload);
        routes.get("/newsroom/media/{id}", this::edit);
        routes.post("/newsroom/media/{id}", this::describe);
        routes.get("/newsroom/media/{id}/delete", this::confirmDelete);
        routes.post("/newsroom/media/{id}/delete", this::delete);
    }

    /** The describing fields as typed, so a refused form comes back as it was sent. */
    public record MediaForm(String alt, String caption, String credit) {
        static MediaForm from(Context ctx) {
            return new MediaForm(Forms.value(ctx, "alt"), Forms.value(ctx, "caption"), Forms.value(ctx, "credit"));
        }

        static MediaForm of(Media media) {
            return new MediaForm(
                    Forms.orEmpty(media.alt()),
                    Forms.orEmpty(media.defaultCaption()),
                    media.defaultCredit() == null ? "" : media.defaultCredit().render());
        }

        static MediaForm empty() {
            return new MediaForm("", "", "");
        }

        Credit parsedCredit() {
            return credit.isBlank() ? null : Credit.parse(credit);
        }
    }

    private void library(Context ctx) {
        showLibrary(ctx, 200, uploadNotice(ctx), MediaForm.empty());
    }

    /** The upload notice names the image by the id in the address, looked up here, never by text from it. */
    private String uploadNotice(Context ctx) {
        String id = ctx.queryParam("item");
        if (id == null) {
            return Notice.textOf(ctx);
        }
        try {
            return Notice.textOf(
                    ctx,
                    MediaCard.of(queries.mediaItem(NewsroomAuth.actor(ctx), id)).name());
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void showLibrary(Context ctx, int status, String notice, MediaForm form) {
        int page = Forms.pageNumber(ctx.queryParam("page"));
        List<Media> found = queries.media(NewsroomAuth.actor(ctx), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        List<MediaCard> cards =
                found.stream().limit(PAGE_SIZE).map(MediaCard::of).toList();
        views.render(
                ctx,
                status,
                new MediaLibraryModel(
                        views.page(ctx, "Media", Section.MEDIA, notice), cards, form, page, found.size() > PAGE_SIZE));
    }

    private void upload(Context ctx) {
        MediaForm form = MediaForm.from(ctx);
        try {
            List<UploadedFile> files = ctx.uploadedFiles();
            if (files.size() > 1) {
                throw new ValidationException("file", "Upload one image at a time.");
            }
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null
                    || file.size() == 0
                    || file.filename() == null
                    || file.filename().isBlank()) {
                throw new ValidationException("file", "Choose an image file to upload.");
            }
            MediaService.checkSize(file.size());
            Media added = media.add(
                    NewsroomAuth.actor(ctx),
                    bytes(file),
                    baseName(file.filename()),
                    form.alt(),
                    form.caption(),
                    form.parsedCredit());
            ctx.redirect(
                    (added.hasAlt() ? Notice.UPLOADED : Notice.UPLOADED_WITHOUT_ALT).on("/newsroom/media") + "&item="
                            + added.id(),
                    HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showLibrary(ctx, e.status(), e.getMessage(), form);
        }
    }

    private void edit(Context ctx) {
        Media item = item(ctx);
        showItem(ctx, 200, Notice.textOf(ctx), item, MediaForm.of(item));
    }

    private void showItem(Context ctx, int status, String notice, Media item, MediaForm form) {
        views.render(
                ctx,
                status,
                new MediaItemModel(
                        views.page(ctx, "Image details", Section.MEDIA, notice),
                        MediaCard.of(item),
                        form,
                        views.site().zone()));
    }

    private void describe(Context ctx) {
        Media item = item(ctx);
        MediaForm form = MediaForm.from(ctx);
        try {
            media.describe(NewsroomAuth.actor(ctx), item.id(), form.alt(), form.caption(), form.parsedCredit());
            ctx.redirect(Notice.SAVED.on("/newsroom/media/" + item.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showItem(ctx, e.status(), e.getMessage(), item, form);
        }
    }

    private void confirmDelete(Context ctx) {
        showConfirm(ctx, 200, item(ctx), null);
    }

    private void showConfirm(Context ctx, int status, Media item, String refusal) {
        views.render(
                ctx,
                status,
                new ConfirmModel(
                        views.page(ctx, "Delete “" + MediaCard.of(item).name() + "”?", Section.MEDIA, null),
                        "The image and its files are deleted for good. An image that a story, a dashboard or an"
                                + " author's profile shows cannot be deleted until it is taken out of them.",
                        "/newsroom/media/" + item.id() + "/delete",
                        "Delete this image",
                        null,
                        List.of(),
                        "/newsroom/media/" + item.id(),
                        refusal));
    }

    private void delete(Context ctx) {
        Media item = item(ctx);
        try {
            media.delete(NewsroomAuth.actor(ctx), item.id());
            ctx.redirect(Notice.MEDIA_DELETED.on("/newsroom/media"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showConfirm(ctx, e.status(), item, e.getMessage());
        }
    }

    private Media item(Context ctx) {
        return queries.mediaItem(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
    }

    /** Read whole only once its size is known to be within the limit. */
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
}
