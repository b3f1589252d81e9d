package org.lede.web.newsroom;

/** The owner-account setup page. */
public record SetupModel(NewsroomPage page, String action, String email, String name) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/setup.jte";
    }
}
