package org.lede.web.newsroom;

/**
 * The page where a reset link's member chooses a new password.
 *
 * @param email the member's email, or null when the link is not valid and the page offers no form
 */
public record ResetModel(NewsroomPage page, String action, String email, int minPassword) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/reset.jte";
    }
}
