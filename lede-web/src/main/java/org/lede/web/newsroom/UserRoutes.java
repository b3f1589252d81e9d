package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.lede.common.LedeException;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.user.UserService;

/** People: the newsroom's members and adding one. Admins only, which {@link UserService} enforces. */
public final class UserRoutes {
    private final UserService users;
    private final NewsroomViews views;

    public UserRoutes(UserService users, NewsroomViews views) {
        this.users = users;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/users", this::list);
        routes.post("/newsroom/users", this::create);
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
        views.render(
                ctx,
                status,
                new UsersModel(
                        views.page(ctx, "People", Section.USERS, notice),
                        users.all(NewsroomAuth.actor(ctx)),
                        form,
                        UserService.MIN_PASSWORD));
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
