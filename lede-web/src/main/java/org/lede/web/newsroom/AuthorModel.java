package org.lede.web.newsroom;

import org.lede.author.Author;
import org.lede.web.newsroom.NewsroomAuthorRoutes.AuthorForm;

/** One author's page. */
public record AuthorModel(NewsroomPage page, Author author, AuthorForm form) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/author.jte";
    }
}
