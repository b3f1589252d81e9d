package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.lede.common.LedeException;
import org.lede.token.ApiTokenService;
import org.lede.token.CreatedToken;
import org.lede.user.Actor;
import org.lede.user.UserService;

/**
 * A member's own account, which every role may manage: their password, and their personal API
 * tokens (made here, shown once, revoked here).
 */
public final class AccountRoutes {
    private final UserService users;
    private final ApiTokenService tokens;
    private final NewsroomViews views;

    public AccountRoutes(UserService users, ApiTokenService tokens, NewsroomViews views) {
        this.users = users;
        this.tokens = tokens;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/account", ctx -> show(ctx, 200, Notice.textOf(ctx)));
        routes.post("/newsroom/account/password", this::changePassword);
        routes.post("/newsroom/account/tokens", this::createToken);
        routes.post("/newsroom/account/tokens/{id}/revoke", this::revokeToken);
    }

    private void show(Context ctx, int status, String notice) {
        show(ctx, status, notice, null, "");
    }

    private void show(Context ctx, int status, String notice, CreatedToken created, String tokenName) {
        Actor actor = NewsroomAuth.actor(ctx);
        views.render(
                ctx,
                status,
                new AccountModel(
                        views.page(ctx, "Your account", Section.ACCOUNT, notice),
                        UserService.MIN_PASSWORD,
                        tokens.forUser(actor, actor.userId()),
                        created,
                        tokenName,
                        views.site().zone()));
    }

    /** Answers with the page itself rather than a redirect: the secret is shown once and never put in an address. */
    private void createToken(Context ctx) {
        String name = ctx.formParam("name");
        try {
            Actor actor = NewsroomAuth.actor(ctx);
            CreatedToken created = tokens.create(actor, actor.userId(), name);
            show(ctx, 200, Notice.TOKEN_CREATED.text(), created, "");
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage(), null, name == null ? "" : name);
        }
    }

    private void revokeToken(Context ctx) {
        try {
            tokens.revoke(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
            ctx.redirect(Notice.TOKEN_REVOKED.on("/newsroom/account"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            show(ctx, e.status(), e.getMessage());
        }
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
