package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lede.authoring.AuthoringText;
import org.lede.common.LedeException;
import org.lede.common.LineDiff;
import org.lede.common.NotFoundException;
import org.lede.common.StaleRevisionException;
import org.lede.common.ValidationException;
import org.lede.newsroom.NewsroomQueries;
import org.lede.reading.ReaderQueries;
import org.lede.reading.Urls;
import org.lede.story.BrevityChecks;
import org.lede.story.StaleSave;
import org.lede.story.Story;
import org.lede.story.StoryCommand;
import org.lede.story.StoryCommand.Action;
import org.lede.story.StoryCursor;
import org.lede.story.StoryDraft;
import org.lede.story.StoryFilter;
import org.lede.story.StoryListPage;
import org.lede.story.StoryPreviews;
import org.lede.story.StoryRevision;
import org.lede.story.StoryService;
import org.lede.story.StoryStatus;
import org.lede.user.Actor;
import org.lede.web.support.Json;

/** The story desk: the list, the editor with its live preview and checks, the workflow, revisions. */
public final class StoryRoutes {
    private static final int LIST_SIZE = 50;
    /** The list filter for what waits for an editor: stories in review and blocked scheduled ones. */
    static final String REVIEW_QUEUE = "review";

    private static final int MEDIA_CHOICES = 60;
    private final StoryService stories;
    private final StoryPreviews previews;
    private final NewsroomQueries queries;
    private final BrevityChecks checks;
    private final ReaderQueries reader;
    private final NewsroomViews views;
    private final Clock clock;

    public StoryRoutes(
            StoryService stories,
            StoryPreviews previews,
            NewsroomQueries queries,
            BrevityChecks checks,
            ReaderQueries reader,
            NewsroomViews views,
            Clock clock) {
        this.stories = stories;
        this.previews = previews;
        this.queries = queries;
        this.checks = checks;
        this.reader = reader;
        this.views = views;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom", this::list);
        routes.get("/newsroom/stories/new", this::newStory);
        routes.post("/newsroom/stories", this::create);
        routes.get("/newsroom/stories/{id}", this::edit);
        routes.post("/newsroom/stories/{id}", this::save);
        routes.post("/newsroom/stories/{id}/corrections", this::correct);
        routes.get("/newsroom/stories/{id}/revisions", this::revisions);
        routes.get("/newsroom/stories/{id}/revisions/{n}", this::revision);
        routes.post("/newsroom/stories/{id}/revisions/{n}/restore", this::restore);
        routes.post("/newsroom/preview", this::preview);
        routes.post("/newsroom/stories/{id}/preview-link", this::shareLink);
        routes.get("/newsroom/stories/{id}/delete", this::confirmDelete);
        routes.post("/newsroom/stories/{id}/delete", this::delete);
        routes.get("/newsroom/stories/{id}/archive", this::confirmArchive);
        routes.post("/newsroom/stories/{id}/archive", this::archive);
    }

    /**
     * The story list, filtered, one page at a time: "older" and "newer" are plain links carrying
     * the filters and a cursor, so paging works without script and costs the same at any depth.
     */
    private void list(Context ctx) {
        String statusParam = Objects.requireNonNullElse(ctx.queryParam("status"), "");
        StoryStatus status = null;
        boolean review = statusParam.equals(REVIEW_QUEUE);
        if (!statusParam.isBlank() && !review) {
            try {
                status = StoryStatus.parse(statusParam);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("status", "Unknown status \"" + statusParam + "\".");
            }
        }
        String query = Objects.requireNonNullElse(ctx.queryParam("q"), "");
        String topic = Objects.requireNonNullElse(ctx.queryParam("topic"), "");
        String author = Objects.requireNonNullElse(ctx.queryParam("author"), "");
        String before = ctx.queryParam("before");
        String after = ctx.queryParam("after");
        Actor actor = NewsroomAuth.actor(ctx);
        StoryFilter filter = new StoryFilter(
                status,
                review,
                topic.isBlank() ? null : topic,
                author.isBlank() ? null : author,
                query.isBlank() ? null : query,
                null);
        String filters = listQuery(List.of("status", statusParam, "q", query, "topic", topic, "author", author));
        List<Story> shown;
        String newer;
        String older;
        if (!query.isBlank()) {
            // Words are searched through the index, best match first, so the list pages by its cursor.
            String more = ctx.queryParam("more");
            NewsroomQueries.StorySearchPage found = queries.searchStories(actor, filter, more, LIST_SIZE);
            shown = found.stories();
            newer = more == null ? null : "/newsroom?" + filters.substring(0, filters.length() - 1);
            older = found.next() == null
                    ? null
                    : "/newsroom?" + filters + "more=" + URLEncoder.encode(found.next(), StandardCharsets.UTF_8);
        } else {
            StoryListPage found = after != null
                    ? queries.stories(actor, filter, StoryCursor.parse(after), false, LIST_SIZE)
                    : queries.stories(
                            actor, filter, before == null ? null : StoryCursor.parse(before), true, LIST_SIZE);
            shown = found.stories();
            newer = found.newer() == null
                    ? null
                    : "/newsroom?" + filters + "after=" + found.newer().key();
            older = found.older() == null
                    ? null
                    : "/newsroom?" + filters + "before=" + found.older().key();
        }
        views.render(
                ctx,
                200,
                new StoriesModel(
                        views.page(ctx, "Stories", Section.STORIES, Notice.textOf(ctx)),
                        shown,
                        statusParam,
                        query,
                        topic,
                        author,
                        queries.topics(actor),
                        queries.authors(actor),
                        newer,
                        older,
                        views.site().zone()));
    }

    /** The filters that are set, as the start of a query string ending in "&" (or empty). */
    private static String listQuery(List<String> nameValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nameValues.size(); i += 2) {
            String value = nameValues.get(i + 1);
            if (!value.isBlank()) {
                out.append(nameValues.get(i))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return out.toString();
    }

    private void confirmDelete(Context ctx) {
        Story story = story(ctx);
        showDeleteConfirm(ctx, 200, story, story.revision(), null);
    }

    private void showDeleteConfirm(Context ctx, int status, Story story, int revision, String refusal) {
        views.render(
                ctx,
                status,
                new ConfirmModel(
                        views.page(ctx, "Delete “" + story.headline() + "”?", Section.STORIES, null),
                        "The draft and all its revisions are deleted for good. Only a story that was never"
                                + " published can be deleted; a published one is unpublished, then archived.",
                        "/newsroom/stories/" + story.id() + "/delete",
                        "Delete this draft",
                        revision,
                        List.of(),
                        "/newsroom/stories/" + story.id(),
                        refusal));
    }

    private void delete(Context ctx) {
        Story story = story(ctx);
        int revision = Forms.revision(ctx);
        try {
            stories.delete(NewsroomAuth.actor(ctx), story.id(), revision);
            ctx.redirect(Notice.DRAFT_DELETED.on("/newsroom"), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showDeleteConfirm(ctx, e.status(), story, revision, e.getMessage());
        }
    }

    private void confirmArchive(Context ctx) {
        Story story = story(ctx);
        showArchiveConfirm(ctx, 200, story, story.revision(), null);
    }

    private void showArchiveConfirm(Context ctx, int status, Story story, int revision, String refusal) {
        views.render(
                ctx,
                status,
                new ConfirmModel(
                        views.page(ctx, "Archive “" + story.headline() + "”?", Section.STORIES, null),
                        "The story is kept with its revisions but leaves the story list (the archived filter shows"
                                + " it), and its address tells readers it was withdrawn. It cannot be changed"
                                + " afterwards. A live story is unpublished first.",
                        "/newsroom/stories/" + story.id() + "/archive",
                        "Archive this story",
                        revision,
                        List.of(),
                        "/newsroom/stories/" + story.id(),
                        refusal));
    }

    private void archive(Context ctx) {
        Story story = story(ctx);
        int revision = Forms.revision(ctx);
        try {
            stories.archive(NewsroomAuth.actor(ctx), story.id(), revision);
            ctx.redirect(Notice.ARCHIVED.on("/newsroom/stories/" + story.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showArchiveConfirm(ctx, e.status(), story, revision, e.getMessage());
        }
    }

    private void newStory(Context ctx) {
        showEditor(ctx, 200, null, StoryForm.empty(), null, List.of());
    }

    private void create(Context ctx) {
        StoryForm form = StoryForm.from(ctx);
        try {
            Story story = stories.createDraft(NewsroomAuth.actor(ctx), form.toDraft());
            ctx.redirect(Notice.DRAFT_SAVED.on("/newsroom/stories/" + story.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showEditor(ctx, e.status(), null, form, e.getMessage(), List.of());
        }
    }

    private Story story(Context ctx) {
        return stories.getForEditing(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
    }

    private void edit(Context ctx) {
        Story story = story(ctx);
        showEditor(ctx, 200, story, StoryForm.of(story), Notice.textOf(ctx, story.revision()), List.of());
    }

    /** One click, one command: the form's fields, the action and the pins go to the service together. */
    private void save(Context ctx) {
        Story story = story(ctx);
        StoryForm form = StoryForm.from(ctx);
        int revision = Forms.revision(ctx);
        try {
            Action action = Action.parse(Objects.requireNonNullElse(ctx.formParam("action"), "save"));
            StoryCommand command = new StoryCommand(
                    action,
                    action == Action.UNPUBLISH ? null : form.toDraft(),
                    action == Action.SCHEDULE
                            ? Forms.localTime(ctx, "publishAt", views.site().zone())
                            : null,
                    ctx.formParam("pins") == null ? null : Forms.commaList(ctx, "pins"));
            Story saved = stories.apply(NewsroomAuth.actor(ctx), story.id(), revision, command);
            ctx.redirect(done(action).on("/newsroom/stories/" + saved.id()), HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            showStale(ctx, story, revision, form, e);
        } catch (LedeException e) {
            showEditor(ctx, e.status(), story, form, e.getMessage(), List.of());
        }
    }

    private static Notice done(Action action) {
        return switch (action) {
            case SUBMIT -> Notice.SUBMITTED;
            case PUBLISH -> Notice.PUBLISHED;
            case SCHEDULE -> Notice.SCHEDULED;
            case UPDATE_MINOR -> Notice.UPDATED_MINOR;
            case UPDATE_SUBSTANTIVE -> Notice.UPDATED_SUBSTANTIVE;
            case UNPUBLISH -> Notice.UNPUBLISHED;
            case SAVE -> Notice.SAVED_REVISION;
        };
    }

    /** A stale tab: keep the writer's text, and show what the other save changed. */
    private void showStale(Context ctx, Story story, int revision, StoryForm form, StaleRevisionException e) {
        StaleSave changes = stories.changesSince(NewsroomAuth.actor(ctx), story.id(), revision);
        String summary = changes.summary();
        showEditor(
                ctx,
                409,
                changes.current(),
                form,
                e.getMessage() + (summary.isEmpty() ? "" : " " + summary),
                changes.bodyDiff());
    }

    private void showEditor(
            Context ctx, int status, Story story, StoryForm form, String notice, List<LineDiff.Line> conflict) {
        showEditor(ctx, status, story, form, notice, conflict, null);
    }

    private void showEditor(
            Context ctx,
            int status,
            Story story,
            StoryForm form,
            String notice,
            List<LineDiff.Line> conflict,
            StoryPreviews.Link previewLink) {
        Actor actor = NewsroomAuth.actor(ctx);
        views.render(
                ctx,
                status,
                new EditorModel(
                        views.page(ctx, story == null ? "New story" : "Edit story", Section.STORIES, notice),
                        story,
                        form,
                        queries.topics(actor),
                        queries.authors(actor),
                        queries.media(actor, MEDIA_CHOICES, 0),
                        conflict,
                        story == null ? null : Urls.story(story, views.site().zone()),
                        ZonedDateTime.now(clock)
                                .withZoneSameInstant(views.site().zone())
                                .plusHours(1)
                                .withMinute(0)
                                .toLocalDateTime()
                                .toString()
                                .substring(0, 16),
                        story == null ? "" : String.join(", ", queries.slugsOf(actor, story.pins())),
                        previewLink == null ? null : views.site().baseUrl() + "/preview/" + previewLink.token(),
                        previewLink == null
                                ? null
                                : previewLink
                                        .expiresAt()
                                        .atZone(views.site().zone())
                                        .toLocalDateTime()
                                        .withSecond(0)
                                        .withNano(0)
                                        .toString()
                                        .replace('T', ' ')));
    }

    /**
     * Makes a signed link to the story as it stands and shows it in the editor: the link is the
     * secret, so it goes in the page, never in an address or a log.
     */
    private void shareLink(Context ctx) {
        Story story = story(ctx);
        StoryPreviews.Link link = previews.share(NewsroomAuth.actor(ctx), story.id());
        showEditor(ctx, 200, story, StoryForm.of(story), null, List.of(), link);
    }

    private void correct(Context ctx) {
        Story story = story(ctx);
        try {
            stories.addCorrection(
                    NewsroomAuth.actor(ctx), story.id(), Forms.revision(ctx), Forms.text(ctx, "correction"));
            ctx.redirect(Notice.CORRECTION_ADDED.on("/newsroom/stories/" + story.id()), HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showEditor(ctx, e.status(), story, StoryForm.of(story), e.getMessage(), List.of());
        }
    }

    private void revisions(Context ctx) {
        Story story = story(ctx);
        views.render(
                ctx,
                200,
                new RevisionsModel(
                        views.page(ctx, "Revisions", Section.STORIES, null),
                        story,
                        stories.revisions(NewsroomAuth.actor(ctx), story.id()),
                        views.site().zone()));
    }

    private void revision(Context ctx) {
        Story story = story(ctx);
        int n = parseRevision(ctx.pathParam("n"), story);
        StoryRevision revision = stories.revision(NewsroomAuth.actor(ctx), story.id(), n);
        String old = AuthoringText.format(revision.snapshot().draft().body());
        String now = AuthoringText.format(story.draft().body());
        views.render(
                ctx,
                200,
                new RevisionModel(
                        views.page(ctx, "Revision " + n, Section.STORIES, null),
                        story,
                        revision,
                        old,
                        LineDiff.diff(now, old),
                        views.site().zone()));
    }

    private void restore(Context ctx) {
        Story story = story(ctx);
        int n = parseRevision(ctx.pathParam("n"), story);
        try {
            Story restored = stories.restore(NewsroomAuth.actor(ctx), story.id(), Forms.revision(ctx), n);
            ctx.redirect(Notice.RESTORED.on("/newsroom/stories/" + restored.id()), HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            showStale(ctx, story, Forms.revision(ctx), StoryForm.of(story), e);
        } catch (LedeException e) {
            showEditor(ctx, e.status(), story, StoryForm.of(story), e.getMessage(), List.of());
        }
    }

    /** The live preview: the reader site's own templates, and the brevity checks, as JSON. */
    private void preview(Context ctx) {
        StoryForm form = StoryForm.from(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            StoryDraft draft = form.toDraft();
            BrevityChecks.Report report = checks.check(draft);
            out.put("html", views.fragment("newsroom/preview.jte", reader.preview(draft)));
            out.put("words", report.words());
            out.put("minutes", report.readingMinutes());
            out.put("blocksPublishing", report.blocksPublishing());
            out.put(
                    "checks",
                    report.checks().stream()
                            .map(c ->
                                    Map.of("level", c.level().name().toLowerCase(Locale.ROOT), "message", c.message()))
                            .toList());
        } catch (LedeException e) {
            out.put("html", "");
            out.put("words", 0);
            out.put("minutes", 0);
            out.put("blocksPublishing", true);
            out.put("checks", List.of(Map.of("level", "error", "message", e.getMessage())));
        }
        ctx.contentType("application/json;charset=utf-8").result(Json.write(out));
    }

    /** A revision number from the path; anything else names no revision of this story. */
    private static int parseRevision(String raw, Story story) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Revision " + raw + " of story", story.id());
        }
    }
}
