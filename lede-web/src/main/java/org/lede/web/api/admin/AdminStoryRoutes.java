package org.lede.web.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.lede.common.StaleRevisionException;
import org.lede.common.ValidationException;
import org.lede.newsroom.NewsroomQueries;
import org.lede.story.StaleSave;
import org.lede.story.Story;
import org.lede.story.StoryCommand;
import org.lede.story.StoryCommand.Action;
import org.lede.story.StoryCursor;
import org.lede.story.StoryDraft;
import org.lede.story.StoryFilter;
import org.lede.story.StoryListPage;
import org.lede.story.StoryService;
import org.lede.story.StoryStatus;
import org.lede.story.json.StoryJson;
import org.lede.user.Actor;
import org.lede.web.support.ProblemException;

/**
 * Stories through the admin API: the newsroom's story list and editor, one request per newsroom
 * action. Every write names the revision it was made against in {@code expectedRevision}; when
 * someone saved since, nothing is written and the answer is 409 naming the fields they changed.
 */
public final class AdminStoryRoutes {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private final StoryService stories;
    private final NewsroomQueries queries;

    public AdminStoryRoutes(StoryService stories, NewsroomQueries queries) {
        this.stories = stories;
        this.queries = queries;
    }

    public void register(RoutesConfig routes) {
        String base = AdminApi.BASE + "/stories";
        routes.get(base, this::list);
        routes.post(base, this::create);
        routes.get(base + "/{id}", this::get);
        routes.put(base + "/{id}", this::edit);
        routes.post(base + "/{id}/submit", ctx -> act(ctx, Action.SUBMIT));
        routes.post(base + "/{id}/publish", ctx -> act(ctx, Action.PUBLISH));
        routes.post(base + "/{id}/schedule", ctx -> act(ctx, Action.SCHEDULE));
        routes.post(base + "/{id}/update", this::update);
        routes.post(base + "/{id}/unpublish", ctx -> act(ctx, Action.UNPUBLISH));
        routes.post(base + "/{id}/correct", this::correct);
        routes.post(base + "/{id}/pins", this::pin);
    }

    private void list(Context ctx) {
        Actor actor = AdminApi.actor(ctx);
        StoryStatus status = null;
        String statusKey = ctx.queryParam("status");
        if (statusKey != null && !statusKey.isBlank()) {
            try {
                status = StoryStatus.parse(statusKey.strip());
            } catch (IllegalArgumentException e) {
                throw new ValidationException(
                        "status",
                        "A status is draft, in-review, scheduled, published, unpublished or archived, not \""
                                + statusKey + "\".");
            }
        }
        StoryFilter filter = new StoryFilter(
                status,
                "true".equals(ctx.queryParam("review")),
                blankToNull(ctx.queryParam("topic")),
                blankToNull(ctx.queryParam("author")),
                blankToNull(ctx.queryParam("q")),
                null);
        String cursor = blankToNull(ctx.queryParam("cursor"));
        List<Story> found;
        String next;
        if (filter.query() != null) {
            // Words are searched through the index, best match first, as the newsroom's list
            // searches them: matching headlines story by story took seconds at a million stories.
            NewsroomQueries.StorySearchPage page = queries.searchStories(actor, filter, cursor, limit(ctx));
            found = page.stories();
            next = page.next();
        } else {
            StoryListPage page =
                    queries.stories(actor, filter, cursor == null ? null : StoryCursor.parse(cursor), true, limit(ctx));
            found = page.stories();
            next = page.older() == null ? null : page.older().key();
        }
        List<ObjectNode> items = found.stream().map(AdminJson::summary).toList();
        JsonBody.answer(ctx, 200, AdminJson.list(items, next));
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx, AdminJson.DRAFT);
        Story story = stories.createDraft(AdminApi.actor(ctx), AdminJson.draft(body));
        ctx.header("Location", AdminApi.BASE + "/stories/" + story.id());
        JsonBody.answer(ctx, 201, StoryJson.write(story));
    }

    private void get(Context ctx) {
        Story story = stories.getForEditing(AdminApi.actor(ctx), ctx.pathParam("id"));
        JsonBody.answer(ctx, 200, StoryJson.write(story));
    }

    /** Replaces a story's fields (members left out are cleared, as in the newsroom's form). */
    private void edit(Context ctx) {
        Set<String> known = new HashSet<>(AdminJson.DRAFT);
        known.addAll(AdminJson.STORY_READ_ONLY);
        known.add("expectedRevision");
        JsonBody body = JsonBody.of(ctx, known);
        int expected = body.requiredInt("expectedRevision");
        StoryDraft draft = AdminJson.draft(body);
        answer(ctx, expected, actor -> stories.apply(actor, id(ctx), expected, StoryCommand.of(Action.SAVE, draft)));
    }

    /** Submit, publish, schedule or unpublish, optionally saving fields and pins with it (not for unpublish). */
    private void act(Context ctx, Action action) {
        Set<String> known = action == Action.UNPUBLISH
                ? Set.of("expectedRevision")
                : action == Action.SCHEDULE
                        ? Set.of("expectedRevision", "story", "pins", "at")
                        : Set.of("expectedRevision", "story", "pins");
        JsonBody body = JsonBody.of(ctx, known);
        int expected = body.requiredInt("expectedRevision");
        StoryDraft draft = draft(body, false);
        Instant at = action == Action.SCHEDULE ? instant(body, "at") : null;
        List<String> pins = body.has("pins") ? body.strings("pins") : null;
        answer(
                ctx,
                expected,
                actor -> stories.apply(actor, id(ctx), expected, new StoryCommand(action, draft, at, pins)));
    }

    /** A change to a live story, minor or substantive, with its fields. */
    private void update(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("expectedRevision", "kind", "story", "pins"));
        int expected = body.requiredInt("expectedRevision");
        String kind = body.requiredText("kind");
        Action action = switch (kind) {
            case "minor" -> Action.UPDATE_MINOR;
            case "substantive" -> Action.UPDATE_SUBSTANTIVE;
            default ->
                throw new ValidationException("kind", "An update is minor or substantive, not \"" + kind + "\".");
        };
        StoryDraft draft = draft(body, true);
        List<String> pins = body.has("pins") ? body.strings("pins") : null;
        answer(
                ctx,
                expected,
                actor -> stories.apply(actor, id(ctx), expected, new StoryCommand(action, draft, null, pins)));
    }

    private void correct(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("expectedRevision", "text"));
        int expected = body.requiredInt("expectedRevision");
        String text = body.requiredText("text");
        answer(ctx, expected, actor -> stories.addCorrection(actor, id(ctx), expected, text));
    }

    private void pin(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("expectedRevision", "pins"));
        int expected = body.requiredInt("expectedRevision");
        if (!body.has("pins")) {
            throw new ValidationException("pins", "\"pins\" is required: story ids or slugs, in order.");
        }
        List<String> pins = body.strings("pins");
        answer(ctx, expected, actor -> stories.pin(actor, id(ctx), expected, pins));
    }

    private interface Command {
        Story run(Actor actor);
    }

    /**
     * Runs one service command and answers with the story it made; a stale revision becomes 409
     * with the fields changed since, read after the refusal (the command wrote nothing).
     */
    private void answer(Context ctx, int expected, Command command) {
        Actor actor = AdminApi.actor(ctx);
        Story story = refusingStale(actor, id(ctx), expected, () -> command.run(actor));
        JsonBody.answer(ctx, 200, StoryJson.write(story));
    }

    private Story refusingStale(Actor actor, String id, int expected, Supplier<Story> command) {
        try {
            return command.get();
        } catch (StaleRevisionException e) {
            StaleSave changes = stories.changesSince(actor, id, expected);
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("currentRevision", e.current());
            extensions.put(
                    "changedFields",
                    changes.changed().stream()
                            .map(AdminStoryRoutes::member)
                            .distinct()
                            .toList());
            throw new ProblemException(409, e.getMessage(), extensions);
        }
    }

    /** The story member a field named in {@link StaleSave#changed()} is sent in. */
    static String member(String changed) {
        return switch (changed) {
            case "topic" -> "topicId";
            case "authors" -> "authorIds";
            case "hero image" -> "hero";
            default -> changed.startsWith("status") ? "status" : changed;
        };
    }

    private static StoryDraft draft(JsonBody body, boolean required) {
        JsonBody story = body.object("story", AdminJson.DRAFT);
        if (story == null) {
            if (required) {
                throw new ValidationException("story", "\"story\" is required: the story's fields as updated.");
            }
            return null;
        }
        return AdminJson.draft(story);
    }

    private static Instant instant(JsonBody body, String name) {
        String text = body.requiredText(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    name, "\"" + name + "\" must be a date-time such as 2026-11-21T09:00:00Z, not \"" + text + "\".");
        }
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ValidationException("limit", "\"limit\" is a whole number from 1 to " + MAX_PAGE + ".");
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
