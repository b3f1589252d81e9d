package org.lede.web.newsroom;

import java.util.List;
import org.lede.web.newsroom.MediaLibraryRoutes.MediaForm;

/** The media library and its upload form. */
public record MediaLibraryModel(
        NewsroomPage page, List<MediaCard> items, MediaForm form, int pageNumber, boolean hasMore)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/media.jte";
    }
}
