package org.lede.web.newsroom;

import java.util.List;
import org.lede.user.User;
import org.lede.web.newsroom.UserRoutes.UserForm;

/**
 * The people page.
 *
 * @param resetUrl a password-reset link just issued, shown once, or null
 */
public record UsersModel(NewsroomPage page, List<User> users, UserForm form, int minPassword, String resetUrl)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/users.jte";
    }
}
