package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.lede.common.LedeException;
import org.lede.user.InvalidResetLinkException;
import org.lede.user.Session;
import org.lede.user.User;
import org.lede.user.UserService;
import org.lede.web.support.ClientAddress;

/**
 * Signing in and out, creating the owner account from the setup link, and choosing a new
 * password from a reset link: everything a person does before they have a session.
 */
public final class AuthRoutes {
    private final UserService users;
    private final SetupLink setup;
    private final NewsroomViews views;
    private final ClientAddress clientAddress;

    public AuthRoutes(UserService users, SetupLink setup, NewsroomViews views, ClientAddress clientAddress) {
        this.users = users;
        this.setup = setup;
        this.views = views;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/login", this::loginForm);
        routes.post("/newsroom/login", this::login);
        routes.post("/newsroom/logout", this::logout);
        routes.get("/newsroom/setup/{token}", this::setupForm);
        routes.post("/newsroom/setup/{token}", this::createOwner);
        routes.get("/newsroom/reset/{token}", this::resetForm);
        routes.post("/newsroom/reset/{token}", this::reset);
    }

    private void loginForm(Context ctx) {
        showLogin(ctx, 200, Notice.textOf(ctx), ctx.queryParam("next"), "");
    }

    private void showLogin(Context ctx, int status, String error, String next, String email) {
        views.render(
                ctx,
                status,
                new LoginModel(
                        new NewsroomPage(
                                views.site(),
                                null,
                                NewsroomAuth.preSessionToken(ctx),
                                "Sign in",
                                Section.SIGN_IN,
                                error),
                        safeNext(next),
                        email == null ? "" : email));
    }

    private void login(Context ctx) {
        String email = ctx.formParam("email");
        try {
            Session session = users.signIn(email, ctx.formParam("password"), clientAddress.of(ctx));
            NewsroomAuth.setCookie(
                    ctx, NewsroomAuth.SESSION_COOKIE, session.token(), UserService.SESSION_LENGTH.toSeconds(), "Lax");
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showLogin(ctx, e.status(), e.getMessage(), ctx.formParam("next"), email);
        }
    }

    private void logout(Context ctx) {
        users.signOut(ctx.cookie(NewsroomAuth.SESSION_COOKIE));
        NewsroomAuth.setCookie(ctx, NewsroomAuth.SESSION_COOKIE, "", 0, "Lax");
        ctx.redirect("/newsroom/login", HttpStatus.SEE_OTHER);
    }

    private void setupForm(Context ctx) {
        requireSetup(ctx);
        showSetup(ctx, 200, null, "", "");
    }

    private void showSetup(Context ctx, int status, String error, String email, String name) {
        views.render(
                ctx,
                status,
                new SetupModel(
                        new NewsroomPage(
                                views.site(),
                                null,
                                NewsroomAuth.preSessionToken(ctx),
                                "Create the owner account",
                                Section.SIGN_IN,
                                error),
                        ctx.path(),
                        email == null ? "" : email,
                        name == null ? "" : name));
    }

    private void createOwner(Context ctx) {
        requireSetup(ctx);
        String email = ctx.formParam("email");
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        try {
            if (password == null || !password.equals(ctx.formParam("confirm"))) {
                showSetup(ctx, 422, "The two passwords differ.", email, name);
                return;
            }
            users.createOwner(email, name, password);
            Session session = users.signIn(email, password, clientAddress.of(ctx));
            NewsroomAuth.setCookie(
                    ctx, NewsroomAuth.SESSION_COOKIE, session.token(), UserService.SESSION_LENGTH.toSeconds(), "Lax");
            ctx.redirect("/newsroom", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showSetup(ctx, e.status(), e.getMessage(), email, name);
        }
    }

    private void resetForm(Context ctx) {
        try {
            showReset(ctx, 200, null, users.resetLinkUser(ctx.pathParam("token")));
        } catch (LedeException e) {
            showReset(ctx, e.status(), e.getMessage(), null);
        }
    }

    /** With no member, the link is not valid: the page gives the reason and no form. */
    private void showReset(Context ctx, int status, String error, User user) {
        views.render(
                ctx,
                status,
                new ResetModel(
                        new NewsroomPage(
                                views.site(),
                                null,
                                NewsroomAuth.preSessionToken(ctx),
                                "Choose a new password",
                                Section.SIGN_IN,
                                error),
                        ctx.path(),
                        user == null ? null : user.email(),
                        UserService.MIN_PASSWORD));
    }

    private void reset(Context ctx) {
        String token = ctx.pathParam("token");
        User user = null;
        try {
            user = users.resetLinkUser(token);
            String password = ctx.formParam("password");
            if (password == null || !password.equals(ctx.formParam("confirm"))) {
                showReset(ctx, 422, "The two passwords differ.", user);
                return;
            }
            users.resetPassword(token, password);
            ctx.redirect(Notice.PASSWORD_RESET.on("/newsroom/login"), HttpStatus.SEE_OTHER);
        } catch (InvalidResetLinkException e) {
            showReset(ctx, e.status(), e.getMessage(), null);
        } catch (LedeException e) {
            showReset(ctx, e.status(), e.getMessage(), user);
        }
    }

    private void requireSetup(Context ctx) {
        if (users.hasUsers() || !setup.matches(ctx.pathParam("token"))) {
            throw new NotFoundResponse();
        }
    }

    /** Only paths inside the newsroom, so the sign-in form cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/newsroom") && !next.startsWith("//") && !next.contains("\\")
                ? next
                : "/newsroom";
    }
}
