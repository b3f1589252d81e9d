package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Expect.FORBIDDEN;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Expect.NOT_FOUND;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Expect.OK;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Expect.REFUSED;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Expect.SIGN_IN;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Method.GET;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Method.POST;
import static org.lede.web.newsroom.NewsroomAuthorizationTest.Method.UPLOAD;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.Author;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.db.Dialect;
import org.lede.importing.ImportJobs;
import org.lede.importing.Importer;
import org.lede.media.Media;
import org.lede.page.SitePage;
import org.lede.page.SitePageService;
import org.lede.page.SitePageService.SitePageCommand;
import org.lede.page.SitePageService.SitePageFields;
import org.lede.story.Story;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.web.Eventually;
import org.lede.web.WebServer;
import org.lede.web.WebTestServer;
import org.lede.webhook.DeliveryStatus;
import org.lede.webhook.WebhookDelivery;
import org.lede.webhook.WebhookEndpoint;
import org.lede.webhook.WebhookMessage;

/**
 * Every newsroom route, asked by every role and by nobody, against one table of what each may do.
 * Roles are enforced by the services; this proves the routes let those refusals through as 403
 * and never let anyone past who should not be. A route missing from the table fails the test.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class NewsroomAuthorizationTest {
    enum Method {
        GET,
        POST,
        UPLOAD
    }

    /**
     * The class of answer: OK is 2xx or a 303 anywhere but the sign-in page; SIGN_IN a 303 to it.
     * REFUSED is what a caller without a session gets for a change: 401, or 403 when the missing
     * session also means a missing CSRF token, which is checked first.
     */
    enum Expect {
        OK,
        SIGN_IN,
        REFUSED,
        FORBIDDEN,
        NOT_FOUND
    }

    enum Who {
        ADMIN,
        EDITOR,
        WRITER,
        CONTRIBUTOR,
        NOBODY
    }

    /**
     * One route and what each caller gets. Paths name fixtures in braces: {own} is a publishable
     * draft made by the caller, {other} one made by someone else, {live} a published story, and
     * {topic}, {author}, {media}, {dashboard} shared items; forms are built from the fixtures.
     */
    record Row(
            Method method,
            String path,
            Function<Fixture, List<String>> form,
            Expect admin,
            Expect editor,
            Expect writer,
            Expect contributor,
            Expect nobody) {
        Expect expected(Who who) {
            return switch (who) {
                case ADMIN -> admin;
                case EDITOR -> editor;
                case WRITER -> writer;
                case CONTRIBUTOR -> contributor;
                case NOBODY -> nobody;
            };
        }
    }

    private static Row row(
            Method method, String path, Expect admin, Expect editor, Expect writer, Expect contributor, Expect nobody) {
        return new Row(method, path, f -> List.of(), admin, editor, writer, contributor, nobody);
    }

    private static Row row(
            Method method,
            String path,
            Function<Fixture, List<String>> form,
            Expect admin,
            Expect editor,
            Expect writer,
            Expect contributor,
            Expect nobody) {
        return new Row(method, path, form, admin, editor, writer, contributor, nobody);
    }

    private static final List<Row> MATRIX = List.of(
            //  method  path                                              form                                   admin
            //    editor     writer     contrib.   nobody
            row(GET, "/newsroom/login", OK, OK, OK, OK, OK),
            row(POST, "/newsroom/login", Fixture::credentials, OK, OK, OK, OK, REFUSED),
            // Signing out succeeds by sending the caller to the sign-in page.
            row(POST, "/newsroom/logout", SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, REFUSED),
            row(GET, "/newsroom/setup/{token}", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row(POST, "/newsroom/setup/{token}", Fixture::owner, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, REFUSED),
            row(GET, "/newsroom", OK, OK, OK, OK, SIGN_IN),
            row(GET, "/newsroom?q=Matrix", OK, OK, OK, OK, SIGN_IN),
            row(GET, "/newsroom/stories/new", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/stories", Fixture::newStory, OK, OK, OK, OK, REFUSED),
            row(GET, "/newsroom/stories/{other}", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/stories/{own}", f -> f.story("own", "save"), OK, OK, OK, OK, REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{other}",
                    f -> f.story("other", "save"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(POST, "/newsroom/stories/{own}", f -> f.story("own", "submit"), OK, OK, OK, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/stories/{own}", f -> f.story("own", "publish"), OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{own}",
                    f -> f.story("own", "schedule"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{live}",
                    f -> f.story("live", "update-minor"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{live}",
                    f -> f.story("live", "update-substantive"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{live}",
                    f -> f.story("live", "unpublish"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{live}/corrections",
                    f -> f.correction("live"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(GET, "/newsroom/stories/{other}/revisions", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            // Why Go deeper picks what it does is the curating editors' view, even of a writer's own story.
            row(GET, "/newsroom/stories/{live}/related", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/stories/{own}/related", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/stories/{other}/revisions/1", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/stories/{own}/revisions/1/restore", f -> f.revision("own"), OK, OK, OK, OK, REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{live}/revisions/1/restore",
                    f -> f.revision("live"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(POST, "/newsroom/preview", Fixture::newStory, OK, OK, OK, OK, REFUSED),
            row(POST, "/newsroom/paste", Fixture::paste, OK, OK, OK, OK, REFUSED),
            row(POST, "/newsroom/stories/{own}/preview-link", OK, OK, OK, OK, REFUSED),
            row(POST, "/newsroom/stories/{other}/preview-link", OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom?status=review", OK, OK, OK, OK, SIGN_IN),
            row(GET, "/newsroom/stories/{other}/delete", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/stories/{own}/delete", f -> f.revision("own"), OK, OK, OK, FORBIDDEN, REFUSED),
            row(
                    POST,
                    "/newsroom/stories/{other}/delete",
                    f -> f.revision("other"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(GET, "/newsroom/stories/{gone}/archive", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(
                    POST,
                    "/newsroom/stories/{gone}/archive",
                    f -> f.revision("gone"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(GET, "/newsroom/top", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/top?q=Matrix", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/top", Fixture::topStories, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/media", OK, OK, OK, OK, SIGN_IN),
            row(UPLOAD, "/newsroom/media", Fixture::describe, OK, OK, OK, OK, REFUSED),
            row(GET, "/newsroom/media/{media}", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/media/{media}", Fixture::describe, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/media/{media}/delete", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/media/{sparemedia}/delete", OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/topics", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/topics", Fixture::newTopic, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/topics/{topic}", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/topics/{topic}", Fixture::sameTopic, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/topics/{topic}/delete", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/topics/{sparetopic}/delete", OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/authors", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/authors", Fixture::newAuthor, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/authors/{author}", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/authors/{author}", Fixture::sameAuthor, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/authors/{author}/delete", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/authors/{spareauthor}/delete", OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/dashboards", OK, OK, OK, OK, SIGN_IN),
            row(GET, "/newsroom/dashboards/new", OK, OK, OK, OK, SIGN_IN),
            row(GET, "/newsroom/dashboards/stories?q=Matrix", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/dashboards", Fixture::newDashboard, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/dashboards/{dashboard}", OK, OK, OK, OK, SIGN_IN),
            row(
                    POST,
                    "/newsroom/dashboards/{dashboard}",
                    Fixture::sameDashboard,
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(GET, "/newsroom/dashboards/{dashboard}/delete", OK, OK, OK, OK, SIGN_IN),
            row(
                    POST,
                    "/newsroom/dashboards/{sparedashboard}/delete",
                    f -> List.of("revision", "1"),
                    OK,
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(GET, "/newsroom/pages", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/pages/new", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/pages", Fixture::newPage, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/pages/{page}", OK, OK, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/pages/{page}", Fixture::samePage, OK, OK, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/users", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/users", Fixture::newUser, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/users/{member}/role", Fixture::role, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/users/{member}/disable", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/users/{disabled}/enable", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/users/{member}/reset", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/users/tokens/{othertoken}/revoke", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/account", OK, OK, OK, OK, SIGN_IN),
            row(POST, "/newsroom/account/password", Fixture::samePassword, OK, OK, OK, OK, REFUSED),
            row(POST, "/newsroom/account/tokens", f -> List.of("name", "Matrix script"), OK, OK, OK, OK, REFUSED),
            row(POST, "/newsroom/account/tokens/{owntoken}/revoke", OK, OK, OK, OK, REFUSED),
            row(POST, "/newsroom/account/tokens/{othertoken}/revoke", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/reset/{token}", NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row(
                    POST,
                    "/newsroom/reset/{token}",
                    Fixture::newPassword,
                    NOT_FOUND,
                    NOT_FOUND,
                    NOT_FOUND,
                    NOT_FOUND,
                    REFUSED),
            row(GET, "/newsroom/audit", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/import", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(
                    UPLOAD,
                    "/newsroom/import",
                    f -> List.of("format", "wxr"),
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED),
            row(GET, "/newsroom/import/{job}", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/import/{job}/report.txt", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(GET, "/newsroom/webhooks", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/webhooks", Fixture::newHook, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/webhooks/{hook}", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/webhooks/{hook}", Fixture::sameHook, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/webhooks/{sparehook}/disable", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/webhooks/{disabledhook}/enable", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(POST, "/newsroom/webhooks/{sparehook}/test", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(GET, "/newsroom/webhooks/{hook}/delete", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, SIGN_IN),
            row(POST, "/newsroom/webhooks/{sparehook}/delete", OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, REFUSED),
            row(
                    POST,
                    "/newsroom/webhooks/{deliveredhook}/deliveries/{delivery}/redeliver",
                    OK,
                    FORBIDDEN,
                    FORBIDDEN,
                    FORBIDDEN,
                    REFUSED));

    @Parameter
    Dialect dialect;

    static WebTestServer server;
    static final Map<Who, NewsroomClient> clients = new EnumMap<>(Who.class);
    static Topic topic;
    static Author author;
    static Media media;
    static Dashboard dashboard;
    static SitePage sitePage;
    static final AtomicInteger counter = new AtomicInteger();
    static WebhookEndpoint hook;
    /** Nothing listens there: deliveries the table's publishes cause fail and wait, unseen. */
    static final String HOOK_URL = "http://127.0.0.1:9/matrix";

    @BeforeParameterizedClassInvocation
    static void start(Dialect dialect, @TempDir Path dir) {
        // Its webhooks point at this machine, which only the option allows.
        // Its importer reads nothing: the table is about who may start and follow an import.
        server = new WebTestServer(
                dialect,
                dir,
                WebServer.Options.DEFAULTS
                        .withWebhooksAllowPrivate(true)
                        .withImports(new ImportJobs(
                                Map.of(
                                        "wxr",
                                        (file, options, listener) -> new Importer.Summary(0, 0, 0, 0, 0, List.of())),
                                dir.resolve("imports"),
                                Clock.systemUTC())));
        var newsroom = server.newsroom;
        hook = newHookEndpoint(false);
        topic = newsroom.topic("matrix-topic", "Matrix topic");
        author = newsroom.author("matrix-author", "Matrix Author");
        media = newsroom.image("A matrix of coloured squares");
        Story lead = publishedStory();
        // A published story shows the shared image, so describing it is for editors only, whatever
        // else the table has published by then (ImageReviewTest covers an image only drafts use).
        var stories = newsroom.services.storyService();
        Story showing = stories.createDraft(
                Actor.SYSTEM,
                newsroom.publishableDraft("Matrix image story")
                        .withHero(new ImageBlock(media.id(), "Squares.", Credit.illustration("Ana Ruiz", null))));
        stories.publish(Actor.SYSTEM, showing.id(), showing.revision());
        dashboard = newsroom.services
                .dashboardService()
                .create(
                        Actor.SYSTEM,
                        new DashboardFields(
                                "matrix-dashboard",
                                "Matrix dashboard",
                                null,
                                null,
                                null,
                                List.of(new DashboardItem("Lead", List.of(DashboardEntry.story(lead.id()))))));
        sitePage = newsroom.services
                .sitePageService()
                .create(
                        Actor.SYSTEM,
                        new SitePageCommand(
                                new SitePageFields("matrix-page", "Matrix page", List.of(), 1),
                                SitePageService.Action.PUBLISH));
        for (Who who : Who.values()) {
            clients.put(
                    who,
                    who == Who.NOBODY
                            ? NewsroomClient.anonymous(server)
                            : NewsroomClient.as(server, Role.valueOf(who.name())));
        }
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
        clients.clear();
    }

    static WebhookEndpoint newHookEndpoint(boolean disabled) {
        var webhooks = server.server.webhooks();
        WebhookEndpoint endpoint = webhooks.register(Actor.SYSTEM, HOOK_URL, "Matrix", Set.of("story.published"));
        return disabled ? webhooks.setEnabled(Actor.SYSTEM, endpoint.id(), false) : endpoint;
    }

    static Story publishedStory() {
        var stories = server.newsroom.services.storyService();
        Story draft = stories.createDraft(
                Actor.SYSTEM, server.newsroom.publishableDraft("Matrix story " + counter.incrementAndGet()));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    /** What one request of the table works on: the stories it names are made fresh for it. */
    static final class Fixture {
        final Who who;
        final NewsroomClient client;
        final Map<String, Story> stories = new HashMap<>();
        String delivery;

        Fixture(Who who, NewsroomClient client) {
            this.who = who;
            this.client = client;
        }

        Story story(String name) {
            return stories.computeIfAbsent(name, n -> {
                var service = server.newsroom.services.storyService();
                return switch (n) {
                    case "own" ->
                        service.createDraft(
                                client.user() == null
                                        ? Actor.SYSTEM
                                        : client.user().actor(),
                                server.newsroom.publishableDraft("Matrix draft " + counter.incrementAndGet()));
                    case "other" ->
                        service.createDraft(
                                Actor.SYSTEM,
                                server.newsroom.publishableDraft("Matrix draft " + counter.incrementAndGet()));
                    case "live" -> publishedStory();
                    case "gone" -> {
                        Story live = publishedStory();
                        yield service.unpublish(Actor.SYSTEM, live.id(), live.revision());
                    }
                    default -> throw new IllegalArgumentException(n);
                };
            });
        }

        String path(String template) {
            Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String id = switch (m.group(1)) {
                    case "topic" -> topic.id();
                    case "author" -> author.id();
                    case "media" -> media.id();
                    case "dashboard" -> dashboard.id();
                    case "page" -> sitePage.id();
                    case "token" -> "not-the-setup-token";
                    // Deletions consume what they delete: each request gets its own.
                    case "sparemedia" ->
                        server.newsroom
                                .services
                                .mediaService()
                                .add(Actor.SYSTEM, uniquePng(), "spare.png", "A spare image", null, null)
                                .id();
                    case "sparetopic" ->
                        server.newsroom
                                .topic("spare-topic-" + counter.incrementAndGet(), "Spare topic")
                                .id();
                    case "spareauthor" ->
                        server.newsroom
                                .author("spare-author-" + counter.incrementAndGet(), "Spare Author")
                                .id();
                    case "sparedashboard" ->
                        server.newsroom
                                .services
                                .dashboardService()
                                .create(
                                        Actor.SYSTEM,
                                        new DashboardFields(
                                                "spare-dashboard-" + counter.incrementAndGet(),
                                                "Spare dashboard",
                                                null,
                                                null,
                                                null,
                                                List.of()))
                                .id();
                    case "owntoken" ->
                        server.newsroom
                                .services
                                .apiTokenService()
                                .create(
                                        Actor.SYSTEM,
                                        client.user() == null
                                                ? member(false).id()
                                                : client.user().id(),
                                        "Own token")
                                .token()
                                .id();
                    case "othertoken" ->
                        server.newsroom
                                .services
                                .apiTokenService()
                                .create(Actor.SYSTEM, member(false).id(), "Someone else's token")
                                .token()
                                .id();
                    case "job" -> finishedJob();
                    case "hook" -> hook.id();
                    case "sparehook" -> newHookEndpoint(false).id();
                    case "disabledhook" -> newHookEndpoint(true).id();
                    case "deliveredhook" -> deliveredHook();
                    case "delivery" -> delivery;
                    case "member" -> member(false).id();
                    case "disabled" -> member(true).id();
                    default -> story(m.group(1)).id();
                };
                m.appendReplacement(out, id);
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The editor's form for a story as it stands, with one action. */
        List<String> story(String name, String action) {
            Story story = story(name);
            StoryForm form = StoryForm.of(story);
            List<String> fields = new ArrayList<>(List.of(
                    "revision",
                    Integer.toString(story.revision()),
                    "action",
                    action,
                    "headline",
                    form.headline(),
                    "dek",
                    form.dek(),
                    "slug",
                    form.slug(),
                    "topic",
                    form.topicId(),
                    "tags",
                    form.tags(),
                    "kind",
                    form.kind(),
                    "contributorNote",
                    form.contributorNote(),
                    "heroMedia",
                    form.heroMediaId(),
                    "heroCaption",
                    form.heroCaption(),
                    "heroCredit",
                    form.heroCredit(),
                    "body",
                    form.body(),
                    "publishAt",
                    "2026-11-21T09:00"));
            for (String id : form.authorIds()) {
                fields.addAll(List.of("authors", id));
            }
            return fields;
        }

        List<String> correction(String name) {
            return List.of(
                    "revision",
                    Integer.toString(story(name).revision()),
                    "correction",
                    "An earlier version misspelled a name.");
        }

        List<String> revision(String name) {
            return List.of("revision", Integer.toString(story(name).revision()));
        }

        List<String> credentials() {
            return List.of(
                    "email",
                    client.user() == null
                            ? "nobody@newsroom.test"
                            : client.user().email(),
                    "password",
                    NewsroomClient.PASSWORD);
        }

        List<String> owner() {
            return List.of(
                    "email",
                    "owner@newsroom.test",
                    "name",
                    "Owner",
                    "password",
                    NewsroomClient.PASSWORD,
                    "confirm",
                    NewsroomClient.PASSWORD);
        }

        List<String> newStory() {
            return List.of("headline", "Matrix story by " + who, "kind", "news", "body", "The council met on Tuesday.");
        }

        List<String> paste() {
            return List.of("html", "<p><b>Why it matters:</b> Matrix paste by " + who + ".</p>");
        }

        List<String> topStories() {
            return List.of("slugs", story("live").slug());
        }

        List<String> describe() {
            return List.of(
                    "alt", "A matrix of coloured squares", "caption", "Squares.", "credit", "Photo: Ana Ruiz/Lede");
        }

        List<String> newTopic() {
            int n = counter.incrementAndGet();
            return List.of(
                    "slug", "matrix-topic-" + n, "name", "Matrix topic " + n, "description", "", "position", "9");
        }

        List<String> sameTopic() {
            return List.of("slug", topic.slug(), "name", topic.name(), "description", "Edited.", "position", "1");
        }

        List<String> newAuthor() {
            int n = counter.incrementAndGet();
            return List.of("slug", "matrix-author-" + n, "name", "Matrix Author " + n, "title", "Reporter", "bio", "");
        }

        List<String> sameAuthor() {
            return List.of(
                    "slug", author.slug(), "name", author.name(), "title", "Editor", "bio", "", "contributor", "yes");
        }

        List<String> newPage() {
            int n = counter.incrementAndGet();
            return List.of(
                    "title",
                    "Matrix page " + n,
                    "slug",
                    "matrix-page-" + n,
                    "position",
                    "2",
                    "body",
                    "Text.",
                    "action",
                    "save");
        }

        List<String> samePage() {
            SitePage current =
                    server.newsroom.services.sitePages().find(sitePage.id()).orElseThrow();
            return List.of(
                    "revision",
                    Integer.toString(current.revision()),
                    "title",
                    current.title(),
                    "slug",
                    current.slug(),
                    "position",
                    Integer.toString(current.position()),
                    "body",
                    "Text.",
                    "action",
                    "save");
        }

        List<String> newDashboard() {
            int n = counter.incrementAndGet();
            return List.of(
                    "slug",
                    "matrix-dashboard-" + n,
                    "title",
                    "Matrix dashboard " + n,
                    "items",
                    "Lead: " + story("live").slug());
        }

        List<String> sameDashboard() {
            Dashboard current =
                    server.newsroom.services.dashboards().find(dashboard.id()).orElseThrow();
            return List.of(
                    "revision",
                    Integer.toString(current.revision()),
                    "slug",
                    current.slug(),
                    "title",
                    current.title(),
                    "illustration",
                    media.id(),
                    "caption",
                    "Squares.",
                    "credit",
                    "Illustration: Ana Ruiz",
                    "items",
                    "Lead: " + story("live").slug() + " | https://example.org/report The full report");
        }

        /** An import of its own, ended, so the next row may start another. */
        String finishedJob() {
            ImportJobs jobs = server.server.importJobs();
            try {
                Path upload = Files.createTempFile("matrix-", ".xml");
                String id = jobs.start(
                                Actor.SYSTEM,
                                "wxr",
                                upload,
                                "matrix.xml",
                                new Importer.Options("wxr", null, false, Importer.OnError.SKIP))
                        .id();
                Eventually.until(
                        "the matrix import to end",
                        () -> jobs.running(Actor.SYSTEM).isEmpty());
                return id;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** An endpoint of its own with one delivery that went through, which may be redelivered. */
        String deliveredHook() {
            WebhookEndpoint endpoint = newHookEndpoint(false);
            var store = server.newsroom.services.webhookStore();
            Instant now = server.newsroom.clock.instant();
            long seq = 1_000_000 + counter.incrementAndGet();
            store.queue(
                    "D" + seq, endpoint.id(), seq, "matrix", new WebhookMessage("webhook.test", now, Map.of()), now);
            WebhookDelivery queued = store.findDelivery("D" + seq).orElseThrow();
            store.update(new WebhookDelivery(
                    queued.id(),
                    queued.endpointId(),
                    queued.eventSeq(),
                    queued.type(),
                    queued.subject(),
                    queued.payload(),
                    DeliveryStatus.DELIVERED,
                    1,
                    now,
                    now,
                    now,
                    204,
                    3L,
                    null,
                    now,
                    now));
            delivery = queued.id();
            return endpoint.id();
        }

        List<String> newHook() {
            return List.of("url", HOOK_URL, "description", "Matrix " + who, "events", "story.published");
        }

        List<String> sameHook() {
            return List.of("description", "Matrix", "events", "story.published", "events", "story.updated");
        }

        /** A member made for this request alone, so disabling or demoting it changes no other row. */
        User member(boolean disabled) {
            int n = counter.incrementAndGet();
            var users = server.newsroom.services.userService();
            User user = users.create(
                    Actor.SYSTEM, "member" + n + "@newsroom.test", "Member " + n, Role.WRITER, NewsroomClient.PASSWORD);
            return disabled ? users.disable(Actor.SYSTEM, user.id()) : user;
        }

        List<String> role() {
            return List.of("role", "contributor");
        }

        /** The caller's own password again: a real change, and the next rows still sign in with it. */
        List<String> samePassword() {
            return List.of(
                    "current",
                    NewsroomClient.PASSWORD,
                    "password",
                    NewsroomClient.PASSWORD,
                    "confirm",
                    NewsroomClient.PASSWORD);
        }

        List<String> newPassword() {
            return List.of("password", NewsroomClient.PASSWORD, "confirm", NewsroomClient.PASSWORD);
        }

        List<String> newUser() {
            int n = counter.incrementAndGet();
            return List.of(
                    "email",
                    "matrix" + n + "@newsroom.test",
                    "name",
                    "Matrix Member " + n,
                    "role",
                    "writer",
                    "password",
                    NewsroomClient.PASSWORD);
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            for (Who who : Who.values()) {
                NewsroomClient client = clients.get(who);
                Fixture fixture = new Fixture(who, client);
                String path = fixture.path(row.path());
                List<String> form = row.form().apply(fixture);
                HttpResponse<String> response = switch (row.method()) {
                    case GET -> client.get(path);
                    case POST -> client.post(path, form.toArray(String[]::new));
                    case UPLOAD -> client.upload(path, "matrix.png", "image/png", png(), form.toArray(String[]::new));
                };
                Expect expected = row.expected(who);
                Expect got = classify(response, expected == REFUSED);
                if (got != expected) {
                    wrong.add(String.format(
                            "  %-6s %-50s as %-11s expected %-9s got %d%s",
                            row.method(),
                            row.path(),
                            who,
                            expected,
                            response.statusCode(),
                            NewsroomClient.location(response) == null
                                    ? ""
                                    : " → " + NewsroomClient.location(response)));
                }
                keepSignedIn(who, client, row.path());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " answers differ from the table:\n" + String.join("\n", wrong));
    }

    /** Signing out ends the session and signing in starts a new one; the next row needs the caller as before. */
    private static void keepSignedIn(Who who, NewsroomClient client, String path) {
        if (who == Who.NOBODY) {
            return;
        }
        if (path.equals("/newsroom/logout")) {
            client.signIn(client.user().email(), NewsroomClient.PASSWORD);
        } else if (path.equals("/newsroom/login")) {
            client.refreshCsrf();
        }
    }

    private static Expect classify(HttpResponse<String> response, boolean expectsRefusal) {
        int status = response.statusCode();
        String location = NewsroomClient.location(response);
        if (status == 303 && location != null && location.startsWith("/newsroom/login")) {
            return SIGN_IN;
        }
        if (status / 100 == 2 || status == 303) {
            return OK;
        }
        return switch (status) {
            case 401 -> REFUSED;
            case 403 -> expectsRefusal ? REFUSED : FORBIDDEN;
            case 404 -> NOT_FOUND;
            default -> null;
        };
    }

    @Test
    void tableCoversEveryNewsroomRouteInTheSource() throws IOException {
        Set<String> registered = new TreeSet<>();
        Pattern route = Pattern.compile("routes\\.(get|post)\\(\"(/newsroom[^\"]*)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/lede/web/newsroom"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = route.matcher(read(file));
                while (m.find()) {
                    registered.add(m.group(1).toUpperCase() + " " + normalize(m.group(2)));
                }
            }
        }
        Set<String> tabled = new TreeSet<>();
        for (Row row : MATRIX) {
            tabled.add((row.method() == UPLOAD ? "POST" : row.method().name()) + " " + normalize(row.path()));
        }
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(tabled);
        assertTrue(missing.isEmpty(), "routes with no row in the table: " + missing);
        Set<String> unknown = new TreeSet<>(tabled);
        unknown.removeAll(registered);
        assertEquals(Set.of(), unknown, "rows for routes that are not registered");
    }

    private static String normalize(String path) {
        return path.replaceAll("\\?.*$", "").replaceAll("\\{[^}]+}", "*").replaceAll("/\\d+(?=/|$)", "/*");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image no other has the bytes of, so it is a media item of its own that nothing uses. */
    private static byte[] uniquePng() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, counter.incrementAndGet());
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(counter.incrementAndGet() % 40, 0, 0xFFFFFF);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
