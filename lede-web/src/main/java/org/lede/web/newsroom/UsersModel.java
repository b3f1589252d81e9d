package org.lede.web.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.lede.token.ApiToken;
import org.lede.user.User;
import org.lede.web.newsroom.UserRoutes.UserForm;

/**
 * The people page.
 *
 * @param resetUrl a password-reset link just issued, shown once, or null
 * @param tokens   every member's API tokens that still work, which an admin may revoke here
 */
public record UsersModel(
        NewsroomPage page,
        List<User> users,
        UserForm form,
        int minPassword,
        String resetUrl,
        List<ApiToken> tokens,
        ZoneId zone)
        implements NewsroomView {
    /** The email of the member a token belongs to. */
    public String owner(ApiToken token) {
        return users.stream()
                .filter(u -> u.id().equals(token.userId()))
                .map(User::email)
                .findFirst()
                .orElse(token.userId());
    }

    /** A time as the newsroom shows it, to the minute, or "never". */
    public String when(Instant at) {
        return at == null
                ? "never"
                : at.atZone(zone)
                        .toLocalDateTime()
                        .withSecond(0)
                        .withNano(0)
                        .toString()
                        .replace('T', ' ');
    }

    @Override
    public String template() {
        return "newsroom/users.jte";
    }
}
