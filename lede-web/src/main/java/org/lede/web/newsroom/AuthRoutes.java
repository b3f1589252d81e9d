package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import org.lede.common.LedeException;
import org.lede.reading.SiteSettings;
import org.lede.user.Session;
import org.lede.user.UserService;
import org.lede.web.support.Templates;

/** Signing in and out, and creating the owner account from the setup link. */
public final class AuthRoutes {
    private final UserService users;
    private final SetupLink setup;
    private final Templates templates;
    private final SiteSettings site;

    public AuthRoutes(UserService users, SetupLink setup, Templates templates, SiteSettings site) {
        this.users = users;
        this.setup = setup;
        this.templates = templates;
        this.site = site;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/login", this::loginForm);
        routes.post("/newsroom/login", this::login);
        routes.post("/newsroom/logout", this::logout);
        routes.get("/newsroom/setup/{token}", this::setupForm);
        routes.post("/newsroom/setup/{token}", this::createOwner);
    }

    private void loginForm(Context ctx) {
        showLogin(ctx, 200, null, ctx.queryParam("next"), "");
    }

    private void showLogin(Context ctx, int status, String error, String next, String email) {
        ctx.status(status).html(templates.render("newsroom/login.jte", Map.of(
                "page", new NewsroomPage(site, null, NewsroomAuth.preSessionToken(ctx), "Sign in", "login", error),
                "next", safeNext(next), "email", email == null ? "" : email)));
    }

    private void login(Context ctx) {
        String email = ctx.formParam("email");
        try {
            Session session = users.signIn(email, ctx.formParam("password"), ctx.ip());
            NewsroomAuth.setCookie(ctx, NewsroomAuth.SESSION_COOKIE, session.token(),
                    UserService.SESSION_LENGTH.toSeconds(), "Lax");
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (org.lede.user.TooManyAttemptsException e) {
            showLogin(ctx, 429, e.getMessage(), ctx.formParam("next"), email);
        } catch (LedeException e) {
            showLogin(ctx, 401, e.getMessage(), ctx.formParam("next"), email);
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
        ctx.status(status).html(templates.render("newsroom/setup.jte", Map.of(
                "page", new NewsroomPage(site, null, NewsroomAuth.preSessionToken(ctx), "Create the owner account", "setup", error),
                "action", ctx.path(), "email", email == null ? "" : email, "name", name == null ? "" : name)));
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
            Session session = users.signIn(email, password, ctx.ip());
            NewsroomAuth.setCookie(ctx, NewsroomAuth.SESSION_COOKIE, session.token(),
                    UserService.SESSION_LENGTH.toSeconds(), "Lax");
            ctx.redirect("/newsroom", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showSetup(ctx, 422, e.getMessage(), email, name);
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
                ? next : "/newsroom";
    }
}
