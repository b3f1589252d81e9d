package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Function;
import org.lede.common.LedeException;
import org.lede.token.ApiTokenService;
import org.lede.user.ResetLink;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserService;

/**
 * People: the newsroom's members, adding one, changing a role, disabling and enabling, and
 * issuing a password-reset link, and revoking anyone's API tokens. Admins only, which
 * {@link UserService} and {@link ApiTokenService} enforce.
 */
public final class UserRoutes {
    private final UserService users;
    private final ApiTokenService tokens;
    private final NewsroomViews views;

    public UserRoutes(UserService users, ApiTokenService tokens, NewsroomViews views) {
        this.users = users;
        this.tokens = tokens;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/users", this::list);
        routes.post("/newsroom/users", this::create);
        routes.post("/newsroom/users/{id}/role", this::setRole);
        routes.post("/newsroom/users/{id}/disable", this::disable);
        routes.post("/newsroom/users/{id}/enable", this::enable);
        routes.post("/newsroom/users/{id}/reset", this::issueResetLink);
        routes.post("/newsroom/users/tokens/{id}/revoke", this::revokeToken);
    }

    /** The new member's fields as typed; the password is never sent back into the page. */
    public record UserForm(String email, String name, String role) {
        static UserForm from(Context ctx) {
            return new UserForm(Forms.value(ctx, "email"), Forms.value(ctx, "name"), Forms.value(ctx, "role"));
        }
    }

    private void list(Context ctx) {
        // The notice names the new member by the id in the address, looked up in the list itself.
        String member = ctx.queryParam("member");
        String notice = users.all(NewsroomAuth.actor(ctx)).stream()
                .filter(u -> u.id().equals(member))
                .findFirst()
                .map(u -> Notice.textOf(ctx, u.email(), u.role().key()))
                .orElseGet(() -> Notice.textOf(ctx));
        show(ctx, 200, notice, new UserForm("", "", Role.WRITER.key()));
    }

    private void show(Context ctx, int status, String notice, UserForm form) {
        show(ctx, status, notice, form, null);
    }

    private void show(Context ctx, int status, String notice, UserForm form, String resetUrl) {
        views.render(
                ctx,
                status,
                new UsersModel(
                        views.page(ctx, "People", Section.USERS, notice),
                        users.all(NewsroomAuth.actor(ctx)),
                        form,
                        UserService.MIN_PASSWORD,
                        resetUrl,
                        tokens.live(NewsroomAuth.actor(ctx)),
                        views.site().zone()));
    }

    private void revokeToken(Context ctx) {
        try {
            tokens.revoke(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
            ctx.redirect(Notice.TOKEN_REVOKED.on("/newsroom/users"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage(), new UserForm("", "", Role.WRITER.key()));
        }
    }

    private void setRole(Context ctx) {
        change(
                ctx,
                Notice.ROLE_CHANGED,
                id -> users.setRole(NewsroomAuth.actor(ctx), id, Role.parse(ctx.formParam("role"))));
    }

    private void disable(Context ctx) {
        change(ctx, Notice.MEMBER_DISABLED, id -> users.disable(NewsroomAuth.actor(ctx), id));
    }

    private void enable(Context ctx) {
        change(ctx, Notice.MEMBER_ENABLED, id -> users.enable(NewsroomAuth.actor(ctx), id));
    }

    /** One account command, then back to the list naming the member; a refusal is shown on the list with its status. */
    private void change(Context ctx, Notice notice, Function<String, User> command) {
        try {
            User user = command.apply(ctx.pathParam("id"));
            ctx.redirect(notice.on("/newsroom/users") + "&member=" + user.id(), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage(), new UserForm("", "", Role.WRITER.key()));
        }
    }

    /**
     * Shows the link on the page that answers the request and nowhere else: Lede sends no mail
     * yet, so the admin passes it on, and it must not sit in an address or a log.
     */
    private void issueResetLink(Context ctx) {
        try {
            ResetLink link = users.issueResetLink(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
            show(
                    ctx,
                    200,
                    "Password-reset link for " + link.user().email()
                            + ", valid for one hour and only once. Lede cannot send email yet: give it to them"
                            + " yourself, by a channel only they read. Their sessions were signed out.",
                    new UserForm("", "", Role.WRITER.key()),
                    views.site().baseUrl() + link.path());
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage(), new UserForm("", "", Role.WRITER.key()));
        }
    }

    private void create(Context ctx) {
        UserForm form = UserForm.from(ctx);
        try {
            User user = users.create(
                    NewsroomAuth.actor(ctx),
                    form.email(),
                    form.name(),
                    Role.parse(form.role()),
                    ctx.formParam("password"));
            ctx.redirect(Notice.MEMBER_ADDED.on("/newsroom/users") + "&member=" + user.id(), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage(), form);
        }
    }
}
