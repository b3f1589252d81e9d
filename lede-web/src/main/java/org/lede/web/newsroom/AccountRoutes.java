package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.lede.common.LedeException;
import org.lede.user.UserService;

/** A member's own account: changing their password, which every role may do. */
public final class AccountRoutes {
    private final UserService users;
    private final NewsroomViews views;

    public AccountRoutes(UserService users, NewsroomViews views) {
        this.users = users;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/account", ctx -> show(ctx, 200, Notice.textOf(ctx)));
        routes.post("/newsroom/account/password", this::changePassword);
    }

    private void show(Context ctx, int status, String notice) {
        views.render(
                ctx,
                status,
                new AccountModel(views.page(ctx, "Your account", Section.ACCOUNT, notice), UserService.MIN_PASSWORD));
    }

    private void changePassword(Context ctx) {
        String password = ctx.formParam("password");
        if (password == null || !password.equals(ctx.formParam("confirm"))) {
            show(ctx, 422, "The two new passwords differ.");
            return;
        }
        try {
            users.changePassword(NewsroomAuth.session(ctx), ctx.formParam("current"), password);
            ctx.redirect(Notice.PASSWORD_CHANGED.on("/newsroom/account"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage());
        }
    }
}
