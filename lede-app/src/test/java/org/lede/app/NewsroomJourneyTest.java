package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.Services;
import org.lede.authoring.AuthoringText;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The newsroom in a real browser against a real server with the demo newsroom: a writer pastes a
 * story into the editor and watches the live checks, an editor publishes it and a reader sees it on
 * the front page (how soon is measured by bench/busy.sh, not here); two tabs of one editor cannot
 * overwrite each other; and the newsroom's pages pass axe-core.
 */
class NewsroomJourneyTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRITER_EMAIL = "noor.haddad@journey.lede.test";
    private static final String EDITOR_EMAIL = "tomas.ferreira@journey.lede.test";
    private static final String CREDIT = "Photo: Ines Vidal/Harbor Light";
    private static final Pattern WORDS = Pattern.compile("^(\\d+) words");
    /** A story in the shape the editor's authoring text expects; the people and places are invented. */
    private static final String SMART_BREVITY_STORY = """
            The town council of Marrowby voted 7 to 2 on Tuesday to turn the shuttered Kestrel Street tram depot into a covered night market.

            **Why it matters:** The depot has stood empty for eleven years, and stallholders who trade in the car park behind the library say rain costs them a third of their winter evenings.

            What the plan includes:

            - Forty stalls under the restored iron roof, let at a flat monthly rent.
            - A bicycle park for 120 bikes where the tram sheds used to be.
            - Opening hours from five in the evening to midnight, Thursday to Sunday.

            **The bottom line:** If the roof repairs stay on budget, councillor Odile Brannagh expects the first stalls to open next October.
            """;

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static User editor;

    @BeforeAll
    static void startServerWithAWriterAndAnEditor() throws Exception {
        server = RunningServer.start(dataDir, "--demo");
        // A second connection pool beside the running server, as an admin's script would use: SQLite in
        // WAL mode lets it write while the server reads.
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dataDir))) {
            Services services = Services.create(db, dataDir.resolve("media"), Clock.systemUTC());
            services.userService().create(Actor.SYSTEM, WRITER_EMAIL, "Noor Haddad", Role.WRITER, PASSWORD);
            editor = services.userService().create(Actor.SYSTEM, EDITOR_EMAIL, "Tomás Ferreira", Role.EDITOR, PASSWORD);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void writerPastesAStoryEditorPublishesItAndReadersSeeIt() throws Exception {
        String headline = "Marrowby council turns its old tram depot into a covered night market";
        try (Chromium newsroom = Chromium.start();
                Chromium reader = Chromium.start()) {
            WebDriver driver = newsroom.driver;

            signIn(newsroom, WRITER_EMAIL);
            driver.findElement(By.linkText("New story")).click();
            waitForPath(driver, "/newsroom/stories/new", "the writer's New story link");

            driver.findElement(By.id("headline")).sendKeys(headline);
            Select topic = new Select(driver.findElement(By.id("topic")));
            topic.selectByIndex(firstNonEmptyOption(topic, "#topic"));
            driver.findElements(By.cssSelector("input[name=authors]")).stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the editor offers no author checkbox (input[name=authors])"))
                    .click();
            paste(newsroom, driver.findElement(By.id("body")), SMART_BREVITY_STORY);

            waitFor(
                    driver,
                    "the preview to show the pasted story's Why it matters label in bold",
                    d -> texts(d, "#preview p > strong").contains("Why it matters:"));
            int words = wordCount(driver);
            assertTrue(
                    words > 50,
                    "#counts reads \"" + text(driver, "#counts") + "\" for the pasted story of over 100 words");
            List<String> checks = checks(driver);
            assertTrue(
                    checks.contains("Good: The lede is one sentence."),
                    "no Good: line for the one-sentence lede in " + checks);
            assertTrue(
                    checks.stream().anyMatch(c -> c.startsWith("Good:") && c.contains("Why it matters")),
                    "no Good: line for the early Why it matters in " + checks);
            // With a topic, an author and text there is nothing to fix, so the credit error below is the image's doing.
            assertTrue(
                    checks.stream().noneMatch(c -> c.startsWith("Must fix:")),
                    "must-fix checks before any image: " + checks);
            assertFalse(text(driver, "#counts").contains("cannot be published"), "#counts: " + text(driver, "#counts"));

            Select hero = new Select(driver.findElement(By.id("heroMedia")));
            WebElement image = hero.getOptions().stream()
                    .filter(o -> !o.getDomAttribute("value").isEmpty()
                            && !o.getText().contains("(no alt text)"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("#heroMedia offers no demo image with alt text"));
            hero.selectByValue(image.getDomAttribute("value"));
            waitFor(
                    driver,
                    "a Must fix: check about the missing credit and #counts saying the story cannot be published",
                    d -> checks(d).stream()
                                    .anyMatch(c -> c.startsWith("Must fix:")
                                            && c.toLowerCase(Locale.ROOT).contains("credit"))
                            && text(d, "#counts").contains("cannot be published yet"));

            driver.findElement(By.id("heroCredit")).sendKeys(CREDIT);
            // The preview's figure carries the credit only once the last keystroke has been checked.
            waitFor(
                    driver,
                    "the preview to show the typed credit",
                    d -> texts(d, "#preview figcaption .credit").contains(CREDIT));
            checks = checks(driver);
            assertTrue(
                    checks.stream().noneMatch(c -> c.startsWith("Must fix:")),
                    "must-fix checks after the credit: " + checks);
            assertFalse(text(driver, "#counts").contains("cannot be published"), "#counts: " + text(driver, "#counts"));

            driver.findElement(By.cssSelector("button[name=action][value=save]"))
                    .click();
            waitFor(driver, "the Draft saved notice", d -> notice(d).equals("Draft saved."));
            String editorPath = path(driver.getCurrentUrl());
            driver.findElement(By.cssSelector("button[name=action][value=submit]"))
                    .click();
            waitFor(driver, "the Submitted for review notice", d -> notice(d).equals("Submitted for review."));
            assertEquals("in review", text(driver, ".hint .status"), "the story's status after submitting");

            driver.findElement(By.xpath("//button[normalize-space()='Sign out']"))
                    .click();
            waitForPath(driver, "/newsroom/login", "signing the writer out");
            signIn(newsroom, EDITOR_EMAIL);
            WebElement row = driver.findElements(By.cssSelector("table tbody tr")).stream()
                    .filter(tr -> !tr.findElements(By.linkText(headline)).isEmpty())
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("the editor's story list has no row for \"" + headline + "\""));
            assertEquals(
                    "in review",
                    row.findElement(By.cssSelector(".status"))
                            .getDomProperty("textContent")
                            .strip(),
                    "the status of the submitted story in the editor's list");
            row.findElement(By.linkText(headline)).click();
            waitForPath(driver, editorPath, "the editor opening the story from the list");

            // The front page is now in the server's page cache without the story, so only a purge shows it.
            HttpResponse<String> before = server.get("/");
            assertEquals(200, before.statusCode());
            assertFalse(before.body().contains(headline), "the front page shows the story before it is published");
            // Each poll must reach the server: the browser may otherwise keep its copy of the page for a minute.
            reader.driver.executeCdpCommand("Network.enable", Map.of());
            reader.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));

            driver.findElement(By.cssSelector("button[name=action][value=publish]"))
                    .click();
            waitFor(driver, "the Published notice", d -> notice(d).equals("Published."));

            Eventually.until(
                    reader.driver,
                    "the front page, reloaded, to link to \"" + headline + "\" after the editor's Publish now",
                    d -> {
                        d.get(url("/"));
                        return !d.findElements(By.linkText(headline)).isEmpty();
                    });

            reader.driver.findElement(By.linkText(headline)).click();
            waitFor(
                    reader.driver,
                    "the story page with the headline clicked",
                    d -> texts(d, "article h1").contains(headline));
            assertEquals(
                    CREDIT,
                    text(reader.driver, "article figcaption .credit"),
                    "the hero image's credit on the story page");
            List<String> labels = texts(reader.driver, "article .body p > strong");
            assertTrue(labels.contains("Why it matters:"), "bold lead-in labels on the story page: " + labels);
        }
    }

    @Test
    void aPasteFromAWordProcessorFillsTheTextHeroAndBioFields() throws Exception {
        String html = """
                <html><head><style>p.MsoNormal{margin:0}</style></head><body>
                <p class=MsoNormal>A ferry leaves the pier at dawn. Photo: Ines Vidal/Harbor Light<o:p></o:p></p>
                <p class=MsoNormal>The harbor board voted on Thursday to add a night ferry between the two piers.</p>
                <p class=MsoNormal><b>Why it matters:</b> Shift workers have had no way home after 11 p.m.</p>
                <p class=MsoListParagraph><!--[if !supportLists]-->·&nbsp;<!--[endif]-->A boat every 40 minutes.</p>
                <p class=MsoListParagraph><!--[if !supportLists]-->·&nbsp;<!--[endif]-->A fare of $2.</p>
                <p class=MsoNormal><b>The bottom line:</b> The first boat sails in March.</p>
                <p class=MsoNormal>Ines Vidal is a photographer and writer based in Port Averill.</p>
                </body></html>""";
        try (Chromium newsroom = Chromium.start()) {
            WebDriver driver = newsroom.driver;
            signIn(newsroom, WRITER_EMAIL);
            driver.get(url("/newsroom/stories/new"));
            Object dispatched = newsroom.driver.executeScript("""
                    const data = new DataTransfer();
                    data.setData('text/html', arguments[0]);
                    data.setData('text/plain', 'plain fallback');
                    const paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
                    return document.getElementById('body').dispatchEvent(paste);
                    """, html);
            assertEquals(false, dispatched, "the script takes the paste over (preventDefault)");

            waitFor(
                    driver,
                    "#paste-status to say the paste is structured",
                    d -> "done".equals(d.findElement(By.id("paste-status")).getDomAttribute("data-state")));
            assertEquals("""
                    The harbor board voted on Thursday to add a night ferry between the two piers.

                    **Why it matters:** Shift workers have had no way home after 11 p.m.

                    - A boat every 40 minutes.
                    - A fare of $2.

                    **The bottom line:** The first boat sails in March.
                    """, String.valueOf(driver.findElement(By.id("body")).getDomProperty("value")));
            assertEquals("A ferry leaves the pier at dawn.", value(driver, "heroCaption"));
            assertEquals(CREDIT, value(driver, "heroCredit"));
            assertEquals(
                    "Ines Vidal is a photographer and writer based in Port Averill.", value(driver, "contributorNote"));
            assertEquals(
                    "The harbor board voted on Thursday to add a night ferry between the two piers",
                    value(driver, "headline"));
            String status = text(driver, "#paste-status");
            assertTrue(status.contains("Filled in: headline, hero caption, hero credit, bio line."), status);
            assertTrue(status.contains("stylesheet left out"), status);
            waitFor(
                    driver,
                    "the preview to show the pasted lead-in in bold",
                    d -> texts(d, "#preview p > strong").contains("Why it matters:"));
        }
    }

    private static String value(WebDriver driver, String id) {
        return String.valueOf(driver.findElement(By.id(id)).getDomProperty("value"));
    }

    @Test
    void staleTabSaveIsRefusedAndShowsWhatChanged() throws Exception {
        String original = "Harbour ferry timetable changes for the winter season";
        String tabAHeadline = "Harbour ferries run every 40 minutes from November";
        String tabBText = "The last ferry of the night now leaves Quay Street at 11:40.";
        Story draft;
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dataDir))) {
            Services services = Services.create(db, dataDir.resolve("media"), Clock.systemUTC());
            draft = services.storyService()
                    .createDraft(
                            editor.actor(),
                            new StoryDraft(
                                    original,
                                    null,
                                    null,
                                    null,
                                    List.of(),
                                    StoryKind.parse("news"),
                                    List.of(),
                                    null,
                                    null,
                                    AuthoringText.parse(
                                            "The Oyster Point ferry will sail less often from November.\n\n"
                                                    + "**Why it matters:** About 900 commuters cross the harbour by ferry each weekday.\n")));
        }
        String editorPath = "/newsroom/stories/" + draft.id();
        try (Chromium browser = Chromium.start()) {
            WebDriver driver = browser.driver;
            signIn(browser, EDITOR_EMAIL);
            driver.get(url(editorPath));
            String tabA = driver.getWindowHandle();
            driver.switchTo().newWindow(WindowType.WINDOW);
            String tabB = driver.getWindowHandle();
            driver.get(url(editorPath));

            driver.switchTo().window(tabA);
            WebElement headline = driver.findElement(By.id("headline"));
            headline.clear();
            headline.sendKeys(tabAHeadline);
            driver.findElement(By.cssSelector("button[name=action][value=save]"))
                    .click();
            waitFor(driver, "window A's save to be confirmed", d -> notice(d).startsWith("Saved (revision"));

            driver.switchTo().window(tabB);
            WebElement body = driver.findElement(By.id("body"));
            body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\n" + tabBText);
            driver.findElement(By.cssSelector("button[name=action][value=save]"))
                    .click();
            waitFor(driver, "window B's save to be answered", d -> !notice(d).isEmpty());
            Object status = browser.script("return performance.getEntriesByType('navigation')[0].responseStatus");
            assertEquals(409L, ((Number) status).longValue(), "the status of window B's stale save");
            String notice = notice(driver);
            assertTrue(notice.contains("changed by someone else"), "window B's notice: " + notice);
            Matcher changed = Pattern.compile("They changed: ([^.]+)\\.").matcher(notice);
            assertTrue(changed.find(), "window B's notice does not list what changed: " + notice);
            List<String> fields = List.of(changed.group(1).split(",\\s*"));
            // B's own edit was to the body; only what A saved belongs in the list.
            assertEquals(List.of("headline"), fields, "what window B is told changed");
            assertTrue(
                    driver.findElement(By.id("body")).getDomProperty("value").contains(tabBText),
                    "window B's unsaved text was not kept in the form");

            driver.get(url(editorPath));
            assertEquals(
                    tabAHeadline,
                    driver.findElement(By.id("headline")).getDomProperty("value"),
                    "the stored headline after the stale save");
            assertFalse(
                    driver.findElement(By.id("body")).getDomProperty("value").contains(tabBText),
                    "window B's refused body change was stored");
        }
    }

    @Test
    void newsroomSignInStoryListAndEditorHaveNoAxeViolationsInLightOrDarkScheme() {
        TestTools.axeScript();
        try (Chromium browser = Chromium.start()) {
            WebDriver driver = browser.driver;
            // axe must be seen to catch a known fault before its silence counts.
            driver.get("data:text/html,<!DOCTYPE html><title>t</title><img src=x.png>");
            List<String> control =
                    browser.axe().stream().map(Chromium.AxeViolation::id).toList();
            assertTrue(control.contains("image-alt"), "axe-core did not flag an img without alt: " + control);

            List<String> report = new ArrayList<>();
            driver.get(url("/newsroom/login"));
            axe(browser, "sign-in page", report);
            signIn(browser, WRITER_EMAIL);
            axe(browser, "story list", report);

            driver.get(url("/newsroom/stories/new"));
            driver.findElement(By.id("headline")).sendKeys("Marrowby library extends its evening hours");
            paste(browser, driver.findElement(By.id("body")), SMART_BREVITY_STORY);
            Select hero = new Select(driver.findElement(By.id("heroMedia")));
            hero.selectByIndex(firstNonEmptyOption(hero, "#heroMedia"));
            // Errors, advice and good news each have their own colour; all three must be on screen when axe looks.
            waitFor(driver, "Must fix:, Consider: and Good: checks and a preview", d -> {
                List<String> c = checks(d);
                return c.stream().anyMatch(s -> s.startsWith("Must fix:"))
                        && c.stream().anyMatch(s -> s.startsWith("Consider:"))
                        && c.stream().anyMatch(s -> s.startsWith("Good:"))
                        && !d.findElements(By.cssSelector("#preview article")).isEmpty();
            });
            axe(browser, "editor with live checks", report);
            assertTrue(
                    report.isEmpty(),
                    report.size() + " axe-core violations in the newsroom:\n" + String.join("\n", report));
        }
    }

    /** The newsroom's stylesheet has a dark palette of its own, so each page is checked in both. */
    private static void axe(Chromium browser, String page, List<String> report) {
        for (String scheme : List.of("light", "dark")) {
            browser.driver.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            assertEquals(
                    true,
                    browser.script("return matchMedia('(prefers-color-scheme: " + scheme + ")').matches"),
                    "Chromium did not take on the " + scheme + " colour scheme");
            for (Chromium.AxeViolation v : browser.axe()) {
                report.add("  " + page + " " + path(browser.driver.getCurrentUrl()) + " (" + scheme + "): " + v);
            }
        }
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private static void signIn(Chromium browser, String email) {
        WebDriver driver = browser.driver;
        if (!path(driver.getCurrentUrl()).equals("/newsroom/login")) {
            driver.get(url("/newsroom/login"));
        }
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitForPath(driver, "/newsroom", "signing in as " + email);
    }

    /**
     * Pastes through the system clipboard with Ctrl+V, as a writer moving a story from a word
     * processor does, so the page gets the paste's own input event rather than a simulated one.
     */
    private static void paste(Chromium browser, WebElement field, String text) {
        URI page = URI.create(browser.driver.getCurrentUrl());
        browser.driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of(
                        "origin",
                        page.getScheme() + "://" + page.getAuthority(),
                        "permissions",
                        List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        field.click();
        Object written = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.writeText(arguments[0]).then(() => done('ok'), e => done(String(e)));
                """, text);
        assertEquals("ok", written, "could not put the story on the clipboard");
        field.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        String pasted = String.valueOf(field.getDomProperty("value")).replace("\r\n", "\n");
        assertEquals(text, pasted, "the textarea after Ctrl+V");
    }

    private static int firstNonEmptyOption(Select select, String what) {
        List<WebElement> options = select.getOptions();
        for (int i = 0; i < options.size(); i++) {
            if (!options.get(i).getDomAttribute("value").isEmpty()) {
                return i;
            }
        }
        throw new AssertionError(what + " offers nothing to choose; the demo should have loaded some");
    }

    private static int wordCount(WebDriver driver) {
        String counts = text(driver, "#counts");
        Matcher m = WORDS.matcher(counts);
        assertTrue(m.find(), "#counts does not start with a word count: \"" + counts + "\"");
        return Integer.parseInt(m.group(1));
    }

    private static List<String> checks(WebDriver driver) {
        return texts(driver, "#checks li");
    }

    private static String notice(WebDriver driver) {
        return texts(driver, "main .notice").stream().findFirst().orElse("");
    }

    private static String text(WebDriver driver, String css) {
        List<String> found = texts(driver, css);
        if (found.isEmpty()) {
            fail("missing " + css + " on " + driver.getCurrentUrl());
        }
        return found.getFirst();
    }

    /**
     * The text of every match, read in one script: the live preview replaces its elements on each
     * keystroke, so elements found first and read later can be gone. textContent rather than what
     * CSS shows, since statuses are set in capitals by text-transform.
     */
    private static List<String> texts(WebDriver driver, String css) {
        List<?> found = (List<?>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.replace(/\\s+/g, ' ').trim())",
                        css);
        return found.stream().map(String::valueOf).toList();
    }

    private static void waitFor(WebDriver driver, String what, Function<WebDriver, Boolean> condition) {
        Eventually.until(
                driver,
                what,
                condition,
                () -> "notice: " + notice(driver)
                        + "\n  counts: " + texts(driver, "#counts")
                        + "\n  checks: " + checks(driver));
    }

    private static void waitForPath(WebDriver driver, String expected, String step) {
        Eventually.until(
                driver,
                step + ": the browser to be at " + expected,
                d -> path(d.getCurrentUrl()).equals(expected));
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
