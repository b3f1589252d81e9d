package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A reader in a real browser: from the front page through a topic to a story, deeper into related
 * coverage, to the storm dashboard and to an author, checking what is on screen and running axe-core
 * on every page on the way; and the story page read with JavaScript off.
 */
class ReaderJourneyTest {
    private static final Pattern STORY_PATH = Pattern.compile("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+");
    /** What the server writes into a time element; the page's script only refreshes it. */
    private static final Pattern RELATIVE_TIME =
            Pattern.compile("(Updated )?(just now|\\d+ minutes? ago|\\d+ hours? ago|[A-Z][a-z]{2} \\d{1,2}, \\d{4})");

    private static final List<String> CREDIT_KINDS = List.of("Illustration:", "Graphic:", "Photo:");

    @RegisterExtension
    static final DemoSite site = new DemoSite();

    private static Chromium chromium;
    private final List<String> axeViolations = new ArrayList<>();

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static Chromium chromium() {
        if (chromium == null) {
            chromium = Chromium.start();
        }
        return chromium;
    }

    @Test
    void readerGoesFromTheFrontPageThroughATopicStoryAndGoDeeperToTheDashboardAndAnAuthor() {
        TestTools.axeScript();
        Chromium browser = chromium();
        WebDriver driver = browser.driver;

        driver.get(site.url("/"));
        arrived(browser, "front page", "/");

        // The topic of a story on the front page, so the topic page surely has stories to click.
        String topicPath =
                path(first(driver, "li.card .meta a[href*='/topics/']", "front page: a story card naming its topic")
                        .getDomProperty("href"));
        WebElement topicLink = driver.findElements(By.cssSelector("nav.topics a")).stream()
                .filter(a -> path(a.getDomProperty("href")).equals(topicPath))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nav.topics has no link to " + topicPath));
        String topicName = topicLink.getText().strip();
        topicLink.click();
        arrived(browser, "topic page", topicPath);
        assertEquals(topicName, visibleH1(driver, "topic page"), "topic page: the heading names the topic clicked");

        WebElement storyLink = storyCardHeadline(driver, "li.card h2 a", null)
                .orElseThrow(() -> new AssertionError(
                        "topic page " + topicPath + ": no story card headline (li.card h2 a) links to a story"));
        String storyPath = path(storyLink.getDomProperty("href"));
        String headline = storyLink.getText().strip();
        storyLink.click();
        arrived(browser, "story page", storyPath);
        assertEquals(headline, visibleH1(driver, "story page"), "story page: the h1 is the headline clicked");
        assertShowsAStory(browser, "story page " + storyPath);

        WebElement deeperLink = storyCardHeadline(driver, "section.go-deeper li.card h2 a", storyPath)
                .orElseThrow(() -> new AssertionError("story page " + storyPath
                        + ": no Go deeper card (section.go-deeper li.card h2 a) links to another story"));
        String deeperPath = path(deeperLink.getDomProperty("href"));
        deeperLink.click();
        arrived(browser, "Go deeper story", deeperPath);
        visibleH1(driver, "Go deeper story");

        driver.get(site.url("/"));
        arrived(browser, "front page", "/");
        String dashboardPath = "/dashboards/storm-idris";
        Optional<WebElement> dashboardCard = driver.findElements(By.cssSelector("li.card.dashboard-card h2 a")).stream()
                .filter(a -> path(a.getDomProperty("href")).equals(dashboardPath))
                .findFirst();
        if (dashboardCard.isPresent()) {
            dashboardCard.get().click();
        } else {
            driver.get(site.url(dashboardPath));
        }
        arrived(browser, "dashboard", dashboardPath);
        visibleH1(driver, "dashboard");
        List<WebElement> items = driver.findElements(By.cssSelector("ol.dashboard-items > li"));
        assertFalse(items.isEmpty(), "dashboard: no numbered items (ol.dashboard-items > li)");
        for (WebElement item : items) {
            assertTrue(item.isDisplayed(), "dashboard: item not shown: " + item.getText());
            assertTrue(
                    item.findElements(By.cssSelector("a[href]")).stream()
                            .anyMatch(a -> a.isDisplayed() && !a.getText().isBlank()),
                    "dashboard: item without a visible link: " + item.getText());
        }

        WebElement itemStory = storyCardHeadline(driver, "ol.dashboard-items > li a", null)
                .orElseThrow(() -> new AssertionError("dashboard: no item links to a story"));
        String itemStoryPath = path(itemStory.getDomProperty("href"));
        itemStory.click();
        arrived(browser, "story from the dashboard", itemStoryPath);
        WebElement author = first(driver, "article a[rel=author]", "story " + itemStoryPath + ": a byline author link");
        String authorName = author.getText().strip();
        String authorPath = path(author.getDomProperty("href"));
        author.click();
        arrived(browser, "author page", authorPath);
        assertEquals(
                authorName, visibleH1(driver, "author page"), "author page: the heading is the name in the byline");
        List<WebElement> authorCards = driver.findElements(By.cssSelector("li.card h2 a"));
        assertFalse(authorCards.isEmpty(), "author page " + authorPath + ": no stream of cards (li.card h2 a)");
        assertTrue(authorCards.stream().allMatch(WebElement::isDisplayed), "author page: a card headline is not shown");

        assertTrue(
                axeViolations.isEmpty(),
                axeViolations.size() + " axe-core violations on the way:\n" + String.join("\n", axeViolations));
    }

    @Test
    void storyPageShowsItsTextAndTimeWithJavaScriptOff() {
        try (Chromium noScript = Chromium.start(false)) {
            WebDriver driver = noScript.driver;
            // Unless scripts are seen not to run, this would pass just as well with JavaScript on.
            driver.get("data:text/html,<title>off</title><script>document.title='on'</script>");
            assertEquals("off", driver.getTitle(), "Chromium ran a page script although JavaScript was turned off");

            driver.get(site.url("/"));
            WebElement storyLink = storyCardHeadline(driver, "li.card h2 a", null)
                    .orElseThrow(() -> new AssertionError("front page: no story card headline links to a story"));
            String storyPath = path(storyLink.getDomProperty("href"));
            storyLink.click();
            waitForPath(driver, storyPath, "story page without JavaScript");

            visibleH1(driver, "story page without JavaScript");
            List<WebElement> paragraphs = driver.findElements(By.cssSelector("article .body p"));
            assertTrue(
                    paragraphs.stream()
                            .anyMatch(
                                    p -> p.isDisplayed() && p.getText().strip().length() > 40),
                    "story page without JavaScript: no paragraph of story text on screen");
            WebElement time =
                    first(driver, "article header time[datetime]", "story page without JavaScript: a time element");
            assertTrue(time.isDisplayed(), "story page without JavaScript: the time is not shown");
            assertTrue(
                    RELATIVE_TIME.matcher(time.getText().strip()).matches(),
                    "story page without JavaScript: the time reads \"" + time.getText()
                            + "\", not a relative time or date");
        }
    }

    private void assertShowsAStory(Chromium browser, String where) {
        WebDriver driver = browser.driver;
        WebElement img = first(driver, "article figure img", where + ": a figure image");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", img);
        Eventually.until(
                driver,
                where + ": the figure image " + img.getDomProperty("currentSrc") + " to load",
                d -> Boolean.TRUE.equals(
                        browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        assertTrue(img.isDisplayed(), where + ": the figure image is not shown");

        String credit = first(driver, "article figcaption .credit", where + ": an image credit (figcaption .credit)")
                .getText()
                .strip();
        assertTrue(
                CREDIT_KINDS.stream().anyMatch(credit::startsWith),
                where + ": the credit \"" + credit + "\" does not start with one of " + CREDIT_KINDS);

        WebElement time = first(driver, "article time[datetime]", where + ": a time[datetime]");
        try {
            Instant.parse(time.getDomAttribute("datetime"));
        } catch (DateTimeParseException e) {
            fail(where + ": time datetime=\"" + time.getDomAttribute("datetime") + "\" is not an instant");
        }
        assertTrue(time.isDisplayed() && !time.getText().isBlank(), where + ": the time is not shown");

        List<String> labels = driver.findElements(By.cssSelector("article .body p > strong:first-child")).stream()
                .filter(WebElement::isDisplayed)
                .map(s -> s.getText().strip())
                .toList();
        assertTrue(
                labels.stream().anyMatch(l -> l.length() > 1 && l.endsWith(":")),
                where + ": no lead-in label such as \"Why it matters:\" in bold; bold openings found: " + labels);
    }

    /** Waits for the address, then runs axe-core, keeping its findings for the end of the journey. */
    private void arrived(Chromium browser, String step, String expectedPath) {
        waitForPath(browser.driver, expectedPath, step);
        for (Chromium.AxeViolation v : browser.axe()) {
            axeViolations.add("  " + step + " " + expectedPath + ": " + v);
        }
    }

    private static void waitForPath(WebDriver driver, String expectedPath, String step) {
        Eventually.until(
                driver,
                step + ": the browser to be at " + expectedPath + " with the page loaded",
                d -> path(d.getCurrentUrl()).equals(expectedPath)
                        && "complete"
                                .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                        .executeScript("return document.readyState")));
        assertTrue(
                driver.findElements(By.cssSelector(".error-page")).isEmpty(),
                step + ": " + expectedPath + " shows an error page: "
                        + driver.findElement(By.tagName("main")).getText());
    }

    private static String visibleH1(WebDriver driver, String step) {
        WebElement h1 = first(driver, "h1", step + ": an h1");
        assertTrue(h1.isDisplayed(), step + ": the h1 is not shown");
        assertFalse(h1.getText().isBlank(), step + ": the h1 is empty");
        return h1.getText().strip();
    }

    private static WebElement first(WebDriver driver, String css, String what) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            fail("missing: " + what + " (" + css + ") on " + driver.getCurrentUrl());
        }
        return found.getFirst();
    }

    /** The first visible link among {@code css} that points to a story other than {@code notPath}. */
    private static Optional<WebElement> storyCardHeadline(WebDriver driver, String css, String notPath) {
        return driver.findElements(By.cssSelector(css)).stream()
                .filter(a -> {
                    String p = path(a.getDomProperty("href"));
                    return STORY_PATH.matcher(p).matches() && !p.equals(notPath);
                })
                .filter(WebElement::isDisplayed)
                .findFirst();
    }

    private static String path(String url) {
        if (url == null) {
            return "";
        }
        URI uri = URI.create(url);
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }
}
