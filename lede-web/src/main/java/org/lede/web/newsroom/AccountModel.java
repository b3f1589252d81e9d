package org.lede.web.newsroom;

/** The signed-in member's own account page. */
public record AccountModel(NewsroomPage page, int minPassword) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/account.jte";
    }
}
