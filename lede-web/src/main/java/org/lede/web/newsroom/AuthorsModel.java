package org.lede.web.newsroom;

import java.util.List;
import org.lede.author.Author;
import org.lede.web.newsroom.NewsroomAuthorRoutes.AuthorForm;

/** The list of authors with the form that adds one. */
public record AuthorsModel(NewsroomPage page, List<Author> authors, AuthorForm form) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/authors.jte";
    }
}
