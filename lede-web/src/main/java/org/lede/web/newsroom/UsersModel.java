package org.lede.web.newsroom;

import java.util.List;
import org.lede.user.User;
import org.lede.web.newsroom.UserRoutes.UserForm;

/** The people page. */
public record UsersModel(NewsroomPage page, List<User> users, UserForm form, int minPassword) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/users.jte";
    }
}
