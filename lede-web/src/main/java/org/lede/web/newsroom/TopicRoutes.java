package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.lede.common.LedeException;
import org.lede.common.Slugs;
import org.lede.common.ValidationException;
import org.lede.newsroom.NewsroomQueries;
import org.lede.topic.Topic;
import org.lede.topic.TopicService;

/** The sections of the site: listing, creating and editing topics. */
public final class TopicRoutes {
    private final TopicService service;
    private final NewsroomQueries queries;
    private final NewsroomViews views;

    public TopicRoutes(TopicService service, NewsroomQueries queries, NewsroomViews views) {
        this.service = service;
        this.queries = queries;
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/topics", this::list);
        routes.post("/newsroom/topics", this::create);
        routes.get("/newsroom/topics/{id}", this::edit);
        routes.post("/newsroom/topics/{id}", this::save);
        routes.get("/newsroom/topics/{id}/delete", this::confirmDelete);
        routes.post("/newsroom/topics/{id}/delete", this::delete);
    }

    /** A topic's fields as typed, so a refused form comes back as it was sent. */
    public record TopicForm(String slug, String name, String description, String position) {
        static TopicForm from(Context ctx) {
            return new TopicForm(
                    Forms.value(ctx, "slug"),
                    Forms.value(ctx, "name"),
                    Forms.value(ctx, "description"),
                    Forms.value(ctx, "position"));
        }

        static TopicForm of(Topic topic) {
            return new TopicForm(
                    topic.slug(), topic.name(), Forms.orEmpty(topic.description()), Integer.toString(topic.position()));
        }

        /** A slug left empty is made from the name, as most slugs are. */
        String slugOrFromName() {
            return slug.isBlank() ? Slugs.slugify(name) : slug.strip();
        }

        int parsedPosition() {
            try {
                return Integer.parseInt(position.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException(
                        "position", "The position is a whole number, such as 3, not “" + position + "”.");
            }
        }
    }

    private void list(Context ctx) {
        int next = queries.topics(NewsroomAuth.actor(ctx)).stream()
                        .mapToInt(Topic::position)
                        .max()
                        .orElse(0)
                + 1;
        showList(ctx, 200, Notice.textOf(ctx), new TopicForm("", "", "", Integer.toString(next)));
    }

    private void showList(Context ctx, int status, String notice, TopicForm form) {
        views.render(
                ctx,
                status,
                new TopicsModel(
                        views.page(ctx, "Topics", Section.TOPICS, notice),
                        queries.topics(NewsroomAuth.actor(ctx)),
                        form));
    }

    private void create(Context ctx) {
        TopicForm form = TopicForm.from(ctx);
        try {
            Topic topic = service.create(
                    NewsroomAuth.actor(ctx),
                    form.slugOrFromName(),
                    form.name(),
                    form.description(),
                    form.parsedPosition());
            ctx.redirect(Notice.TOPIC_CREATED.on("/newsroom/topics/" + topic.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showList(ctx, e.status(), e.getMessage(), form);
        }
    }

    private void edit(Context ctx) {
        Topic topic = topic(ctx);
        showTopic(ctx, 200, Notice.textOf(ctx, topic.name()), topic, TopicForm.of(topic));
    }

    private void showTopic(Context ctx, int status, String notice, Topic topic, TopicForm form) {
        views.render(
                ctx,
                status,
                new TopicModel(views.page(ctx, "Topic: " + topic.name(), Section.TOPICS, notice), topic, form));
    }

    private void save(Context ctx) {
        Topic topic = topic(ctx);
        TopicForm form = TopicForm.from(ctx);
        try {
            service.update(
                    NewsroomAuth.actor(ctx),
                    new Topic(
                            topic.id(), form.slugOrFromName(), form.name(), form.description(), form.parsedPosition()));
            ctx.redirect(Notice.SAVED.on("/newsroom/topics/" + topic.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showTopic(ctx, e.status(), e.getMessage(), topic, form);
        }
    }

    private void confirmDelete(Context ctx) {
        showConfirm(ctx, 200, topic(ctx), null);
    }

    private void showConfirm(Context ctx, int status, Topic topic, String refusal) {
        List<ConfirmModel.Choice> others = queries.topics(NewsroomAuth.actor(ctx)).stream()
                .filter(t -> !t.id().equals(topic.id()))
                .map(t -> new ConfirmModel.Choice(t.id(), t.name()))
                .toList();
        views.render(
                ctx,
                status,
                new ConfirmModel(
                        views.page(ctx, "Delete “" + topic.name() + "”?", Section.TOPICS, null),
                        "A topic that stories or dashboards use is merged into another: they all move there, and"
                                + " the old address leads there. A topic nothing uses is simply deleted.",
                        "/newsroom/topics/" + topic.id() + "/delete",
                        "Delete this topic",
                        null,
                        others,
                        "/newsroom/topics/" + topic.id(),
                        refusal));
    }

    private void delete(Context ctx) {
        Topic topic = topic(ctx);
        String into = Forms.value(ctx, "into").strip();
        try {
            service.delete(NewsroomAuth.actor(ctx), topic.id(), into.isEmpty() ? null : into);
            ctx.redirect(
                    into.isEmpty()
                            ? Notice.TOPIC_DELETED.on("/newsroom/topics")
                            : Notice.TOPIC_MERGED.on("/newsroom/topics/" + into),
                    HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showConfirm(ctx, e.status(), topic, e.getMessage());
        }
    }

    private Topic topic(Context ctx) {
        return queries.topic(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
    }
}
