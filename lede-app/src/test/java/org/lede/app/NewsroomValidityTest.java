package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The newsroom as the W3C checker and axe-core see it, held to the reader site's standard: every
 * kind of newsroom page, as the member who uses it sees it on the demo site, is valid HTML, passes
 * axe at desktop and phone widths in the light and dark scheme, and does not scroll sideways on a
 * phone. Includes the stale-save conflict view, which only a refused save shows.
 */
class NewsroomValidityTest {
    private static final String DOMAIN = "@demo.lede.test";
    private static final String STALE_DRAFT_BODY = """
            The Quay Street ferry ramp will close for repairs from Monday.

            **Why it matters:** About 900 commuters cross the harbour by ferry each weekday.
            """;

    @RegisterExtension
    static final DemoSite site = new DemoSite();

    @TempDir
    static Path files;

    /** A page as one member fetched it: {@code path} is where the browser goes to see it again. */
    record Page(String name, String role, String path, int status, String body) {
        String label() {
            return name + " (" + role + ", " + path + ")";
        }
    }

    private static final List<Page> pages = new ArrayList<>();
    private static final Map<String, NewsroomSignIn.Session> sessions = new LinkedHashMap<>();
    private static String staleDraftId;
    private static Chromium chromium;

    @BeforeAll
    static void fetchEveryKindOfNewsroomPage() {
        pages.add(fetch(null, "nobody", "sign-in page", "/newsroom/login"));

        NewsroomSignIn.Session editor = session("editor");
        Page list = add(editor, "editor", "story list", "/newsroom");
        add(editor, "editor", "new story", "/newsroom/stories/new");
        String story = firstLink(list, "/newsroom/stories/(?!new$)[^/?#]+");
        Page existing = add(editor, "editor", "existing story", story);
        add(editor, "editor", "Go deeper picks", firstLink(existing, Pattern.quote(story) + "/related"));
        add(editor, "editor", "archive story confirm", story + "/archive");
        Page revisions = add(editor, "editor", "revisions list", story + "/revisions");
        add(editor, "editor", "one revision", firstLink(revisions, Pattern.quote(story) + "/revisions/\\d+"));
        Page media = add(editor, "editor", "media library", "/newsroom/media");
        String mediaItem = firstLink(media, "/newsroom/media/[^/?#]+");
        add(editor, "editor", "media item", mediaItem);
        add(editor, "editor", "delete image confirm", mediaItem + "/delete");
        Page topics = add(editor, "editor", "topics list", "/newsroom/topics");
        String topic = firstLink(topics, "/newsroom/topics/[^/?#]+");
        add(editor, "editor", "one topic", topic);
        add(editor, "editor", "delete or merge topic confirm", topic + "/delete");
        Page authors = add(editor, "editor", "authors list", "/newsroom/authors");
        String author = firstLink(authors, "/newsroom/authors/[^/?#]+");
        add(editor, "editor", "one author", author);
        add(editor, "editor", "delete author confirm", author + "/delete");
        Page dashboards = add(editor, "editor", "dashboards list", "/newsroom/dashboards");
        String dashboard = firstLink(dashboards, "/newsroom/dashboards/(?!new$)[^/?#]+");
        add(editor, "editor", "one dashboard", dashboard);
        add(editor, "editor", "delete dashboard confirm", dashboard + "/delete");
        add(editor, "editor", "new dashboard", "/newsroom/dashboards/new");
        add(editor, "editor", "top stories", "/newsroom/top");
        add(editor, "editor", "top stories found by words", "/newsroom/top?q=Veloria");
        add(editor, "editor", "story list found by words", "/newsroom?q=Veloria");
        add(editor, "editor", "story finder", "/newsroom/dashboards/stories?q=Veloria");

        staleDraftId = createDraft(editor, "Quay Street ferry ramp closes for a week of repairs");
        String draftPath = "/newsroom/stories/" + staleDraftId;
        add(editor, "editor", "draft story", draftPath);
        add(editor, "editor", "delete draft confirm", draftPath + "/delete");
        Document before = Jsoup.parse(editor.get(draftPath).body(), site.url(draftPath));
        saveWithAddedParagraph(editor, staleDraftId, "Ferries will use the old coal wharf meanwhile.");
        HttpResponse<String> stale = editor.post(draftPath, withAction(formData(before), "save"));
        assertEquals(409, stale.statusCode(), "a save based on an older revision is refused:\n" + stale.body());
        pages.add(new Page("stale-save conflict view", "editor", draftPath, stale.statusCode(), stale.body()));

        NewsroomSignIn.Session writer = session("writer");
        add(writer, "writer", "story list", "/newsroom");
        add(writer, "writer", "new story", "/newsroom/stories/new");
        String own = "/newsroom/stories/" + createDraft(writer, "Night market stalls go on sale in March");
        add(writer, "writer", "own draft", own);
        Page ownRevisions = add(writer, "writer", "revisions list", own + "/revisions");
        add(writer, "writer", "one revision", firstLink(ownRevisions, Pattern.quote(own) + "/revisions/\\d+"));
        Page writerMedia = add(writer, "writer", "media library", "/newsroom/media");
        add(writer, "writer", "media item", firstLink(writerMedia, "/newsroom/media/[^/?#]+"));
        Page account = add(writer, "writer", "own account", "/newsroom/account");
        String csrf = Jsoup.parse(account.body())
                .selectFirst("form[action=/newsroom/account/tokens] input[name=_csrf]")
                .val();
        HttpResponse<String> token = writer.post(
                "/newsroom/account/tokens", List.of(Map.entry("_csrf", csrf), Map.entry("name", "Validity script")));
        assertEquals(200, token.statusCode(), token.body());
        pages.add(new Page("account with a new API token", "writer", "/newsroom/account", 200, token.body()));
        add(writer, "writer", "account with its API tokens", "/newsroom/account");

        NewsroomSignIn.Session admin = session("admin");
        Page people = add(admin, "admin", "people", "/newsroom/users");
        add(admin, "admin", "audit log", "/newsroom/audit");
        add(admin, "admin", "import form", "/newsroom/import");
        add(admin, "admin", "webhooks, none yet", "/newsroom/webhooks");
        // A public address literal needs no DNS; nothing it subscribes to happens here, so nothing is sent.
        HttpResponse<String> registered = admin.post(
                "/newsroom/webhooks",
                List.of(
                        Map.entry("url", "https://93.184.216.34/hooks"),
                        Map.entry("description", "Checker"),
                        Map.entry("events", "dashboard.deleted")));
        assertEquals(201, registered.statusCode(), registered.body());
        pages.add(new Page(
                "webhook with its secret", "admin", "/newsroom/webhooks", registered.statusCode(), registered.body()));
        Page webhooks = add(admin, "admin", "webhooks", "/newsroom/webhooks");
        String webhook = firstLink(webhooks, "/newsroom/webhooks/[^/?#]+");
        add(admin, "admin", "webhook and its log", webhook);
        add(admin, "admin", "delete a webhook", webhook + "/delete");
        // The contributor's sessions end with the reset; no other page here is fetched as them.
        Matcher contributor = Pattern.compile("contributor" + Pattern.quote(DOMAIN)
                        + "</td>\\s*<td>\\s*<form method=\"post\" action=\"(/newsroom/users/[^/\"]+)/role\"")
                .matcher(people.body());
        assertTrue(contributor.find(), "the people page has a row for the demo contributor:\n" + people.body());
        String resetPath = contributor.group(1) + "/reset";
        HttpResponse<String> issued = admin.post(resetPath, List.of());
        assertEquals(200, issued.statusCode(), issued.body());
        pages.add(new Page("people with a reset link", "admin", resetPath, issued.statusCode(), issued.body()));
        Matcher link = Pattern.compile("id=\"reset-url\" value=\"[^\"]*?(/newsroom/reset/[^\"]+)\"")
                .matcher(issued.body());
        assertTrue(link.find(), issued.body());
        add(null, "nobody", "choose a new password", link.group(1));
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static NewsroomSignIn.Session session(String role) {
        return sessions.computeIfAbsent(role, r -> NewsroomSignIn.as(site.origin(), r + DOMAIN, site.demoPassword(r)));
    }

    private static Page add(NewsroomSignIn.Session session, String role, String name, String path) {
        Page page = fetch(session, role, name, path);
        assertEquals(200, page.status(), page.label() + " answered " + page.status() + ":\n" + page.body());
        pages.add(page);
        return page;
    }

    private static Page fetch(NewsroomSignIn.Session session, String role, String name, String path) {
        HttpResponse<String> r = session == null ? site.get(path) : session.get(path);
        return new Page(name, role, path, r.statusCode(), r.body());
    }

    private static String firstLink(Page page, String pathRegex) {
        Pattern wanted = Pattern.compile(pathRegex);
        return Jsoup.parse(page.body(), site.url(page.path())).select("main a[href]").stream()
                .map(a -> URI.create(a.absUrl("href")).getRawPath())
                .filter(p -> p != null && wanted.matcher(p).matches())
                .findFirst()
                .orElseThrow(() -> new AssertionError(page.label() + " links to nothing matching " + pathRegex
                        + "; the demo should have loaded one"));
    }

    private static String createDraft(NewsroomSignIn.Session session, String headline) {
        session.get("/newsroom/stories/new");
        HttpResponse<String> created = session.post(
                "/newsroom/stories",
                List.of(
                        Map.entry("headline", headline),
                        Map.entry("kind", "news"),
                        Map.entry("body", STALE_DRAFT_BODY),
                        Map.entry("action", "save")));
        assertEquals(303, created.statusCode(), "creating the draft \"" + headline + "\":\n" + created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        return URI.create(site.url(location)).getRawPath().replaceFirst("^/newsroom/stories/", "");
    }

    /** Saves the story as its editor page has it plus one paragraph, as another member's tab would. */
    private static void saveWithAddedParagraph(NewsroomSignIn.Session session, String storyId, String paragraph) {
        String path = "/newsroom/stories/" + storyId;
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Map.Entry<String, String> f :
                formData(Jsoup.parse(session.get(path).body(), site.url(path)))) {
            fields.add(
                    f.getKey().equals("body")
                            ? Map.entry("body", f.getValue().strip() + "\n\n" + paragraph + "\n")
                            : f);
        }
        HttpResponse<String> saved = session.post(path, withAction(fields, "save"));
        assertEquals(303, saved.statusCode(), "saving " + path + ":\n" + saved.body());
    }

    private static List<Map.Entry<String, String>> formData(Document editorPage) {
        Element form = editorPage.selectFirst("form#story-form");
        assertTrue(form instanceof FormElement, "the editor page has no form#story-form");
        return ((FormElement) form)
                .formData().stream().map(kv -> Map.entry(kv.key(), kv.value())).toList();
    }

    private static List<Map.Entry<String, String>> withAction(List<Map.Entry<String, String>> fields, String action) {
        List<Map.Entry<String, String>> out = new ArrayList<>(
                fields.stream().filter(f -> !f.getKey().equals("action")).toList());
        out.add(Map.entry("action", action));
        return out;
    }

    @Test
    void everyKindOfNewsroomPageIsValidHtml() throws Exception {
        Map<String, Page> pageOfFile = new LinkedHashMap<>();
        List<Path> checked = new ArrayList<>();
        for (Page page : pages) {
            Path file = files.resolve(String.format("newsroom-%02d.html", checked.size() + 1));
            Files.writeString(file, page.body(), StandardCharsets.UTF_8);
            checked.add(file);
            pageOfFile.put(file.getFileName().toString(), page);
        }
        List<HtmlValidator.Message> errors = HtmlValidator.errorsWithControl(files, checked, "the newsroom");
        if (!errors.isEmpty()) {
            fail(errors.size() + " HTML errors in " + pages.size() + " newsroom pages:\n"
                    + errors.stream()
                            .map(e -> "  "
                                    + (pageOfFile.containsKey(e.file())
                                            ? pageOfFile.get(e.file()).label()
                                            : e.file()) + " line " + e.line() + ": " + e.text()
                                    + (e.extract().isEmpty() ? "" : "\n      " + e.extract()))
                            .collect(Collectors.joining("\n")));
        }
    }

    @Test
    void everyKindOfNewsroomPagePassesAxeAtBothWidthsInBothSchemesAndFitsAPhone() {
        TestTools.axeScript();
        Chromium browser = chromium();
        browser.driver.get("data:text/html,<!DOCTYPE html><title>t</title><img src=x.png>");
        List<String> control =
                browser.axe().stream().map(Chromium.AxeViolation::id).toList();
        assertTrue(control.contains("image-alt"), "axe-core did not flag an img without alt: " + control);

        List<String> violations = new ArrayList<>();
        List<String> overflowing = new ArrayList<>();
        String signedInAs = null;
        for (Page page : pages) {
            if (!page.role().equals(signedInAs)) {
                signIn(browser, page.role());
                signedInAs = page.role();
            }
            Consumer<Chromium> open = page.status() == 409
                    ? NewsroomValidityTest::openStaleSave
                    : page.path().endsWith("/reset")
                            ? b -> openResetLink(b, page.path())
                            : b -> b.driver.get(site.url(page.path()));
            browser.width(Chromium.DESKTOP_WIDTH);
            open.accept(browser);
            // A lost session would land on the sign-in page, and axe's silence would be about the wrong page.
            URI current = URI.create(browser.driver.getCurrentUrl());
            assertEquals(
                    page.path(),
                    current.getRawPath() + (current.getRawQuery() == null ? "" : "?" + current.getRawQuery()),
                    page.label() + " in the browser");
            assertTrue(
                    browser.driver.findElements(By.cssSelector(".error-page")).isEmpty(),
                    page.label() + " shows an error page in the browser");
            for (int width : List.of(Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH)) {
                browser.width(width);
                for (String scheme : List.of("light", "dark")) {
                    prefersColorScheme(browser, scheme);
                    for (Chromium.AxeViolation v : browser.axe()) {
                        violations.add("  " + page.label() + " at " + width + " px, " + scheme + ": " + v);
                    }
                }
                prefersColorScheme(browser, null);
                String overflow = width == Chromium.PHONE_WIDTH ? overflow(browser) : null;
                if (overflow != null) {
                    overflowing.add("  " + page.label() + ": " + overflow);
                }
            }
        }
        assertTrue(
                violations.isEmpty() && overflowing.isEmpty(),
                violations.size() + " axe-core violations and "
                        + overflowing.size() + " pages scrolling sideways at " + Chromium.PHONE_WIDTH
                        + " px in the newsroom:\n"
                        + String.join("\n", violations)
                        + (overflowing.isEmpty() ? "" : "\nsideways:\n" + String.join("\n", overflowing)));
    }

    private static Chromium chromium() {
        if (chromium == null) {
            chromium = Chromium.start();
        }
        return chromium;
    }

    /** Signs the browser in through the form, or with "nobody" only signs it out. */
    private static void signIn(Chromium browser, String role) {
        WebDriver driver = browser.driver;
        driver.get(site.url("/newsroom/login"));
        driver.manage().deleteAllCookies();
        if (role.equals("nobody")) {
            return;
        }
        driver.get(site.url("/newsroom/login"));
        driver.findElement(By.id("email")).sendKeys(role + DOMAIN);
        driver.findElement(By.id("password")).sendKeys(site.demoPassword(role));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        Eventually.until(
                driver,
                "signing in as the demo " + role,
                d -> URI.create(d.getCurrentUrl()).getRawPath().equals("/newsroom"));
    }

    /** The browser's tab falls one revision behind (another save lands meanwhile) and then saves. */
    private static void openStaleSave(Chromium browser) {
        WebDriver driver = browser.driver;
        driver.get(site.url("/newsroom/stories/" + staleDraftId));
        saveWithAddedParagraph(session("editor"), staleDraftId, "The coal wharf gets a temporary waiting room.");
        driver.findElement(By.cssSelector("#story-form button[name=action][value=save]"))
                .click();
        Eventually.until(
                driver,
                "the stale save's conflict view",
                d -> !d.findElements(By.id("conflict-title")).isEmpty());
    }

    /** The reset link is the answer to the People page's button, so the browser presses it. */
    private static void openResetLink(Chromium browser, String action) {
        WebDriver driver = browser.driver;
        driver.get(site.url("/newsroom/users"));
        driver.findElement(By.cssSelector("form[action='" + action + "'] button"))
                .click();
        Eventually.until(
                driver,
                "the reset link",
                d -> !d.findElements(By.id("reset-url")).isEmpty());
    }

    private static void prefersColorScheme(Chromium browser, String scheme) {
        browser.driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        scheme == null ? List.of() : List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** At phone width: null when the page fits, else how wide it is and what sticks out. */
    private static String overflow(Chromium browser) {
        @SuppressWarnings("unchecked")
        List<Object> widths = (List<Object>) browser.script("""
                const wide = [...document.body.querySelectorAll('*')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
                  .slice(0, 3)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
                return [document.documentElement.scrollWidth, window.innerWidth, wide.join(', ')];
                """);
        long scrollWidth = ((Number) widths.get(0)).longValue();
        long innerWidth = ((Number) widths.get(1)).longValue();
        return scrollWidth > innerWidth
                ? scrollWidth + " px wide in a " + innerWidth + " px viewport; sticking out: " + widths.get(2)
                : null;
    }
}
