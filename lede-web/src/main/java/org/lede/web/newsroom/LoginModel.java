package org.lede.web.newsroom;

/** The sign-in page. */
public record LoginModel(NewsroomPage page, String next, String email) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/login.jte";
    }
}
