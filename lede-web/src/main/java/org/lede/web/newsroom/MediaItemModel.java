package org.lede.web.newsroom;

import java.time.ZoneId;
import org.lede.web.newsroom.MediaLibraryRoutes.MediaForm;

/** One image's details. */
public record MediaItemModel(NewsroomPage page, MediaCard card, MediaForm form, ZoneId zone) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/media-item.jte";
    }
}
