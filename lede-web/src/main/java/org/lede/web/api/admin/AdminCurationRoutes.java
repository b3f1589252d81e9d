package org.lede.web.api.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lede.author.Author;
import org.lede.author.AuthorService;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.common.Slugs;
import org.lede.common.ValidationException;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.newsroom.NewsroomQueries;
import org.lede.topic.Topic;
import org.lede.topic.TopicService;

/**
 * Topics, authors and dashboards through the admin API, as the newsroom's curation pages offer
 * them: anyone may list them, editors and admins create and change them (the services refuse
 * the others, 403). A slug left out is made from the name or title, as in the newsroom.
 */
public final class AdminCurationRoutes {
    private static final Set<String> TOPIC = Set.of("slug", "name", "description", "position");
    private static final Set<String> AUTHOR = Set.of("slug", "name", "title", "bio", "avatarMediaId", "contributor");
    private static final Set<String> DASHBOARD = Set.of("slug", "title", "intro", "topicId", "illustration", "items");

    private final TopicService topics;
    private final AuthorService authors;
    private final DashboardService dashboards;
    private final NewsroomQueries queries;

    public AdminCurationRoutes(
            TopicService topics, AuthorService authors, DashboardService dashboards, NewsroomQueries queries) {
        this.topics = topics;
        this.authors = authors;
        this.dashboards = dashboards;
        this.queries = queries;
    }

    public void register(RoutesConfig routes) {
        String base = AdminApi.BASE;
        routes.get(
                base + "/topics",
                ctx -> JsonBody.answer(
                        ctx,
                        200,
                        AdminJson.list(
                                queries.topics(AdminApi.actor(ctx)).stream()
                                        .map(AdminJson::topic)
                                        .toList(),
                                null)));
        routes.post(base + "/topics", this::createTopic);
        routes.get(
                base + "/topics/{id}",
                ctx -> JsonBody.answer(
                        ctx, 200, AdminJson.topic(queries.topic(AdminApi.actor(ctx), ctx.pathParam("id")))));
        routes.put(base + "/topics/{id}", this::editTopic);
        routes.get(
                base + "/authors",
                ctx -> JsonBody.answer(
                        ctx,
                        200,
                        AdminJson.list(
                                queries.authors(AdminApi.actor(ctx)).stream()
                                        .map(AdminJson::author)
                                        .toList(),
                                null)));
        routes.post(base + "/authors", this::createAuthor);
        routes.get(
                base + "/authors/{id}",
                ctx -> JsonBody.answer(
                        ctx, 200, AdminJson.author(queries.author(AdminApi.actor(ctx), ctx.pathParam("id")))));
        routes.put(base + "/authors/{id}", this::editAuthor);
        routes.get(
                base + "/dashboards",
                ctx -> JsonBody.answer(
                        ctx,
                        200,
                        AdminJson.list(
                                queries.dashboards(AdminApi.actor(ctx)).stream()
                                        .map(AdminJson::dashboard)
                                        .toList(),
                                null)));
        routes.post(base + "/dashboards", this::createDashboard);
        routes.get(
                base + "/dashboards/{id}",
                ctx -> JsonBody.answer(
                        ctx, 200, AdminJson.dashboard(queries.dashboard(AdminApi.actor(ctx), ctx.pathParam("id")))));
        routes.put(base + "/dashboards/{id}", this::editDashboard);
    }

    private void createTopic(Context ctx) {
        JsonBody b = JsonBody.of(ctx, TOPIC);
        String name = b.requiredText("name");
        Integer position = b.integer("position");
        Topic topic = topics.create(
                AdminApi.actor(ctx),
                slug(b, name),
                name,
                b.text("description"),
                position == null ? queries.topics(AdminApi.actor(ctx)).size() + 1 : position);
        created(ctx, "/topics/" + topic.id());
        JsonBody.answer(ctx, 201, AdminJson.topic(topic));
    }

    private void editTopic(Context ctx) {
        JsonBody b = JsonBody.of(ctx, TOPIC);
        String name = b.requiredText("name");
        Topic saved = topics.update(
                AdminApi.actor(ctx),
                new Topic(ctx.pathParam("id"), slug(b, name), name, b.text("description"), b.requiredInt("position")));
        JsonBody.answer(ctx, 200, AdminJson.topic(saved));
    }

    private void createAuthor(Context ctx) {
        JsonBody b = JsonBody.of(ctx, AUTHOR);
        Author author = authors.create(AdminApi.actor(ctx), authorFields(b));
        created(ctx, "/authors/" + author.id());
        JsonBody.answer(ctx, 201, AdminJson.author(author));
    }

    /** Changes an author's profile; the newsroom account it is tied to, if any, stays. */
    private void editAuthor(Context ctx) {
        JsonBody b = JsonBody.of(ctx, AUTHOR);
        AuthorFields f = authorFields(b);
        Author current = queries.author(AdminApi.actor(ctx), ctx.pathParam("id"));
        Author saved = authors.update(
                AdminApi.actor(ctx),
                new Author(
                        current.id(),
                        f.slug(),
                        f.name(),
                        f.title(),
                        f.bio(),
                        f.avatarMediaId(),
                        f.contributor(),
                        current.userId()));
        JsonBody.answer(ctx, 200, AdminJson.author(saved));
    }

    private void createDashboard(Context ctx) {
        JsonBody b = JsonBody.of(ctx, DASHBOARD);
        Dashboard dashboard = dashboards.create(AdminApi.actor(ctx), dashboardFields(b));
        created(ctx, "/dashboards/" + dashboard.id());
        JsonBody.answer(ctx, 201, AdminJson.dashboard(dashboard));
    }

    /** Replaces a dashboard's fields; a stale {@code expectedRevision} is 409 and saves nothing. */
    private void editDashboard(Context ctx) {
        Set<String> known = new HashSet<>(DASHBOARD);
        known.addAll(Set.of("expectedRevision", "id", "createdAt", "updatedAt", "revision"));
        JsonBody b = JsonBody.of(ctx, known);
        int expected = b.requiredInt("expectedRevision");
        Dashboard saved = dashboards.update(AdminApi.actor(ctx), ctx.pathParam("id"), expected, dashboardFields(b));
        JsonBody.answer(ctx, 200, AdminJson.dashboard(saved));
    }

    private static AuthorFields authorFields(JsonBody b) {
        String name = b.requiredText("name");
        return new AuthorFields(
                slug(b, name),
                name,
                b.text("title"),
                b.text("bio"),
                b.text("avatarMediaId"),
                b.bool("contributor", false));
    }

    private static DashboardFields dashboardFields(JsonBody b) {
        String title = b.requiredText("title");
        List<DashboardItem> items = new ArrayList<>();
        for (JsonBody item : b.objects("items", Set.of("label", "entries"))) {
            List<DashboardEntry> entries = new ArrayList<>();
            for (JsonBody entry : item.objects("entries", Set.of("storyId", "url", "title"))) {
                entries.add(new DashboardEntry(entry.text("storyId"), entry.text("url"), entry.text("title")));
            }
            items.add(new DashboardItem(item.text("label"), entries));
        }
        return new DashboardFields(
                slug(b, title),
                title,
                b.text("intro"),
                b.text("topicId"),
                b.has("illustration") ? AdminJson.image(b, "illustration") : null,
                items);
    }

    private static String slug(JsonBody b, String name) {
        String slug = b.text("slug");
        if (slug != null) {
            return slug;
        }
        String made = Slugs.slugify(name);
        if (made.isEmpty()) {
            throw new ValidationException("slug", "Give a slug: none can be made from \"" + name + "\".");
        }
        return made;
    }

    private static void created(Context ctx, String path) {
        ctx.header("Location", AdminApi.BASE + path);
    }
}
