package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lede.Services;
import org.lede.authoring.AuthoringText;
import org.lede.common.LedeException;
import org.lede.common.LineDiff;
import org.lede.common.StaleRevisionException;
import org.lede.reading.ReaderQueries;
import org.lede.story.BrevityChecks;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryRevision;
import org.lede.story.StoryService;
import org.lede.story.StoryStatus;
import org.lede.story.UpdateKind;
import org.lede.user.Actor;
import org.lede.web.support.Json;

/** The story desk: the list, the editor with its live preview and checks, the workflow, revisions. */
public final class StoryRoutes {
    private static final int LIST_SIZE = 50;
    private final Services services;
    private final StoryService stories;
    private final BrevityChecks checks;
    private final ReaderQueries reader;
    private final NewsroomViews views;

    public StoryRoutes(Services services, BrevityChecks checks, ReaderQueries reader, NewsroomViews views) {
        this.services = services;
        this.stories = services.storyService();
        this.checks = checks;
        this.reader = reader;
        this.views = views;
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
    }

    private void list(Context ctx) {
        String statusParam = ctx.queryParam("status");
        StoryStatus status = null;
        if (statusParam != null && !statusParam.isBlank()) {
            try {
                status = StoryStatus.parse(statusParam);
            } catch (IllegalArgumentException e) {
                throw new io.javalin.http.BadRequestResponse("Unknown status \"" + statusParam + "\".");
            }
        }
        String query = ctx.queryParam("q");
        views.render(ctx, 200, "newsroom/stories.jte", "Stories", "stories", ctx.queryParam("notice"),
                "stories", stories.list(NewsroomAuth.actor(ctx), status, query, LIST_SIZE, 0),
                "status", status == null ? "" : status.key(), "query", query == null ? "" : query,
                "zone", views.site().zone());
    }

    private void newStory(Context ctx) {
        showEditor(ctx, 200, null, StoryForm.empty(), null);
    }

    private void create(Context ctx) {
        StoryForm form = StoryForm.from(ctx);
        Actor actor = NewsroomAuth.actor(ctx);
        try {
            Story story = stories.createDraft(actor, form.toDraft());
            ctx.redirect("/newsroom/stories/" + story.id() + "?notice=Draft+saved.", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showEditor(ctx, status(e), null, form, e.getMessage());
        }
    }

    private Story story(Context ctx) {
        try {
            return stories.getForEditing(NewsroomAuth.actor(ctx), ctx.pathParam("id"));
        } catch (org.lede.common.NotFoundException e) {
            throw new NotFoundResponse("There is no such story.");
        }
    }

    private void edit(Context ctx) {
        Story story = story(ctx);
        showEditor(ctx, 200, story, StoryForm.of(story), ctx.queryParam("notice"));
    }

    private void save(Context ctx) {
        Story story = story(ctx);
        StoryForm form = StoryForm.from(ctx);
        Actor actor = NewsroomAuth.actor(ctx);
        int revision = Forms.revision(ctx);
        String action = Objects.requireNonNullElse(ctx.formParam("action"), "save");
        try {
            Story saved = services.db().inTransaction(() -> withPins(ctx, actor, apply(ctx, actor, story, revision, form, action)));
            ctx.redirect("/newsroom/stories/" + saved.id() + "?notice=" + java.net.URLEncoder.encode(done(action, saved),
                    java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            showStale(ctx, story, revision, form, e);
        } catch (LedeException e) {
            showEditor(ctx, status(e), story, form, e.getMessage());
        }
    }

    /** One editor action, in one transaction with the save of the form, so nothing is left half done. */
    private Story apply(Context ctx, Actor actor, Story story, int revision, StoryForm form, String action) {
        return switch (action) {
            case "save" -> stories.edit(actor, story.id(), revision, form.toDraft());
            case "submit" -> {
                Story saved = stories.edit(actor, story.id(), revision, form.toDraft());
                yield stories.submitForReview(actor, story.id(), saved.revision());
            }
            case "publish" -> {
                Story saved = stories.edit(actor, story.id(), revision, form.toDraft());
                yield stories.publish(actor, story.id(), saved.revision());
            }
            case "schedule" -> {
                Story saved = stories.edit(actor, story.id(), revision, form.toDraft());
                yield stories.schedule(actor, story.id(), saved.revision(),
                        Forms.localTime(ctx, "publishAt", views.site().zone()));
            }
            case "update-minor" -> stories.update(actor, story.id(), revision, form.toDraft(), UpdateKind.MINOR);
            case "update-substantive" -> stories.update(actor, story.id(), revision, form.toDraft(), UpdateKind.SUBSTANTIVE);
            case "unpublish" -> stories.unpublish(actor, story.id(), revision);
            default -> throw new org.lede.common.ValidationException("action", "Unknown action \"" + action + "\".");
        };
    }

    /** Go deeper pins, when an editor's form carries them and they changed, in the same transaction. */
    private Story withPins(Context ctx, Actor actor, Story saved) {
        if (ctx.formParam("pins") == null) {
            return saved;
        }
        List<String> ids = Slugs.toStoryIds(services.stories(), Forms.commaList(ctx, "pins"));
        return ids.equals(saved.pins()) ? saved : stories.pin(actor, saved.id(), saved.revision(), ids);
    }

    private static String done(String action, Story story) {
        return switch (action) {
            case "submit" -> "Submitted for review.";
            case "publish" -> "Published.";
            case "schedule" -> "Scheduled.";
            case "update-minor" -> "Updated (minor: the Updated time stays).";
            case "update-substantive" -> "Updated; readers see “Updated just now”.";
            case "unpublish" -> "Unpublished: the story is off the site.";
            default -> "Saved (revision " + story.revision() + ").";
        };
    }

    /** A stale tab: keep the writer's text, and show what the other save changed. */
    private void showStale(Context ctx, Story story, int revision, StoryForm form, StaleRevisionException e) {
        Story current = stories.get(story.id());
        List<String> changed = new ArrayList<>();
        List<LineDiff.Line> bodyDiff = List.of();
        StoryRevision theirs = services.stories().revision(story.id(), revision).orElse(null);
        if (theirs != null) {
            StoryDraft before = theirs.snapshot().draft();
            StoryDraft now = current.draft();
            Map<String, Boolean> fields = new LinkedHashMap<>();
            fields.put("headline", !before.headline().equals(now.headline()));
            fields.put("dek", !Objects.equals(before.dek(), now.dek()));
            fields.put("topic", !Objects.equals(before.topicId(), now.topicId()));
            fields.put("tags", !before.tags().equals(now.tags()));
            fields.put("authors", !before.authorIds().equals(now.authorIds()));
            fields.put("hero image", !Objects.equals(before.hero(), now.hero()));
            fields.put("body", !before.body().equals(now.body()));
            fields.forEach((name, differs) -> {
                if (differs) {
                    changed.add(name);
                }
            });
            if (theirs.snapshot().status() != current.status()) {
                changed.add("status (now " + current.status().key() + ")");
            }
            bodyDiff = LineDiff.diff(AuthoringText.format(before.body()), AuthoringText.format(now.body()));
        }
        String notice = e.getMessage() + (changed.isEmpty() ? "" : " They changed: " + String.join(", ", changed) + ".");
        showEditor(ctx, 409, current, form, notice, bodyDiff);
    }

    private void showEditor(Context ctx, int status, Story story, StoryForm form, String notice) {
        showEditor(ctx, status, story, form, notice, List.of());
    }

    private void showEditor(Context ctx, int status, Story story, StoryForm form, String notice, List<LineDiff.Line> conflict) {
        views.render(ctx, status, "newsroom/editor.jte", story == null ? "New story" : "Edit story", "stories", notice,
                "story", story, "form", form, "topics", services.topics().all(), "authors", services.authors().all(),
                "media", services.media().latest(60, 0), "conflict", conflict,
                "liveUrl", story == null ? null : org.lede.reading.Urls.story(story, views.site().zone()),
                "pins", story == null ? "" : String.join(", ", services.stories().findAll(story.pins()).stream()
                        .map(Story::slug).toList()),
                "defaultTime", ZonedDateTime.now(services.clock()).withZoneSameInstant(views.site().zone())
                        .plusHours(1).withMinute(0).toLocalDateTime().toString().substring(0, 16));
    }

    private void correct(Context ctx) {
        Story story = story(ctx);
        try {
            stories.addCorrection(NewsroomAuth.actor(ctx), story.id(), Forms.revision(ctx), Forms.text(ctx, "correction"));
            ctx.redirect("/newsroom/stories/" + story.id() + "?notice=Correction+added.", HttpStatus.SEE_OTHER);
        } catch (LedeException e) {
            showEditor(ctx, status(e), story, StoryForm.of(story), e.getMessage());
        }
    }

    private void revisions(Context ctx) {
        Story story = story(ctx);
        views.render(ctx, 200, "newsroom/revisions.jte", "Revisions", "stories", null, "story", story,
                "revisions", services.stories().revisions(story.id()), "zone", views.site().zone());
    }

    private void revision(Context ctx) {
        Story story = story(ctx);
        int n = parseRevision(ctx.pathParam("n"));
        StoryRevision revision = services.stories().revision(story.id(), n).orElseThrow(NotFoundResponse::new);
        String old = AuthoringText.format(revision.snapshot().draft().body());
        String now = AuthoringText.format(story.draft().body());
        views.render(ctx, 200, "newsroom/revision.jte", "Revision " + n, "stories", null, "story", story,
                "revision", revision, "text", old, "diff", LineDiff.diff(now, old), "zone", views.site().zone());
    }

    private void restore(Context ctx) {
        Story story = story(ctx);
        int n = parseRevision(ctx.pathParam("n"));
        try {
            Story restored = stories.restore(NewsroomAuth.actor(ctx), story.id(), Forms.revision(ctx), n);
            ctx.redirect("/newsroom/stories/" + restored.id() + "?notice=Revision+" + n + "+restored+as+revision+"
                    + restored.revision() + ".", HttpStatus.SEE_OTHER);
        } catch (StaleRevisionException e) {
            showStale(ctx, story, Forms.revision(ctx), StoryForm.of(story), e);
        } catch (LedeException e) {
            showEditor(ctx, status(e), story, StoryForm.of(story), e.getMessage());
        }
    }

    /** The live preview: the reader site's own templates, and the brevity checks, as JSON. */
    private void preview(Context ctx) {
        StoryForm form = StoryForm.from(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            StoryDraft draft = form.toDraft();
            BrevityChecks.Report report = checks.check(draft);
            out.put("html", views.fragment("newsroom/preview.jte", Map.of("story", reader.preview(draft))));
            out.put("words", report.words());
            out.put("minutes", report.readingMinutes());
            out.put("blocksPublishing", report.blocksPublishing());
            out.put("checks", report.checks().stream().map(c -> Map.of("level", c.level().name().toLowerCase(java.util.Locale.ROOT),
                    "message", c.message())).toList());
        } catch (LedeException e) {
            out.put("html", "");
            out.put("words", 0);
            out.put("minutes", 0);
            out.put("blocksPublishing", true);
            out.put("checks", List.of(Map.of("level", "error", "message", e.getMessage())));
        }
        ctx.contentType("application/json").result(Json.write(out));
    }

    private static int parseRevision(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    static int status(LedeException e) {
        return switch (e) {
            case org.lede.common.ForbiddenException f -> 403;
            case org.lede.common.ConflictException c -> 409;
            case org.lede.common.NotFoundException n -> 404;
            default -> 422;
        };
    }
}
