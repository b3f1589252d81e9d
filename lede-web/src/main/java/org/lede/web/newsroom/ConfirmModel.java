package org.lede.web.newsroom;

import java.util.List;

/**
 * The step between a delete (archive, merge) button and the deed: what will happen, one button
 * that does it, and the refusal when something still uses the thing. A page rather than a
 * script's dialog, so it works without script and a stray click deletes nothing.
 *
 * @param action   where the form posts
 * @param revision the revision the deletion expects, or null for things without one
 * @param targets  topics to merge into (a topic's deletion only), else empty
 * @param back     the page to return to without deleting
 * @param refusal  why the last attempt was refused, or null
 */
public record ConfirmModel(
        NewsroomPage page,
        String explanation,
        String action,
        String button,
        Integer revision,
        List<Choice> targets,
        String back,
        String refusal)
        implements NewsroomView {
    public record Choice(String value, String label) {}

    @Override
    public String template() {
        return "newsroom/confirm.jte";
    }
}
