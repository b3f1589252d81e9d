package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, so Selenium downloads nothing, with
 * a throwaway profile and config/cache folders so runs never share state or touch the user's home.
 */
final class Chromium implements AutoCloseable {
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 360;
    private static final int HEIGHT = 900;

    final ChromeDriver driver;
    private final Path home;
    private String axeSource;

    private Chromium(ChromeDriver driver, Path home) {
        this.driver = driver;
        this.home = home;
    }

    /** A browser with JavaScript on, at desktop width. Skips or fails the test when Chromium is missing. */
    static Chromium start() {
        return start(true);
    }

    static Chromium start(boolean javascript) {
        TestTools.requireChromium();
        Path home;
        try {
            home = Files.createTempDirectory("lede-chromium");
            Files.createDirectories(home.resolve("profile"));
            Files.createDirectories(home.resolve("config"));
            Files.createDirectories(home.resolve("cache"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(TestTools.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + home.resolve("profile"),
                "--window-size=" + DESKTOP_WIDTH + "," + HEIGHT);
        // Console messages, so close() can see what the Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(TestTools.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toString()))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver, home);
    }

    /** Gives the page a viewport exactly this wide: layout checks at a phone width mean nothing otherwise. */
    void width(int width) {
        driver.manage().window().setSize(new Dimension(width, HEIGHT));
        long inner = innerWidth();
        if (inner != width) {
            // Window decorations, where a build has them, take the difference out of the viewport.
            driver.manage().window().setSize(new Dimension(width + (int) (width - inner), HEIGHT));
            inner = innerWidth();
        }
        assertEquals(width, inner, "Chromium did not give the page a viewport " + width + " px wide");
    }

    private long innerWidth() {
        return ((Number) script("return window.innerWidth")).longValue();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs axe-core's default rules (WCAG A/AA and best practices) on the current page. */
    List<AxeViolation> axe() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(TestTools.axeScript(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axeSource);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help + ' ' + v.helpUrl,
                    summary: ((v.nodes[0] && v.nodes[0].failureSummary) || '').replace(/\\s+/g, ' '),
                    nodes: v.nodes.map(n => n.target.join(' ') + '  ' + n.html.slice(0, 160))
                  }))))
                  .catch(e => done('axe failed: ' + e));
                """);
        if (result instanceof String error) {
            throw new IllegalStateException(error);
        }
        List<AxeViolation> violations = new ArrayList<>();
        for (Object o : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) o;
            violations.add(new AxeViolation(
                    (String) v.get("id"),
                    (String) v.get("impact"),
                    (String) v.get("help"),
                    (String) v.get("summary"),
                    ((List<?>) v.get("nodes")).stream().map(String::valueOf).toList()));
        }
        return violations;
    }

    record AxeViolation(String id, String impact, String help, String summary, List<String> nodes) {
        private static final int NODES_SHOWN = 5;

        @Override
        public String toString() {
            List<String> shown = nodes.size() > NODES_SHOWN ? nodes.subList(0, NODES_SHOWN) : nodes;
            return id + " (" + impact + "): " + help + "\n      " + summary + "\n      "
                    + String.join("\n      ", shown)
                    + (nodes.size() > NODES_SHOWN ? "\n      ... and " + (nodes.size() - NODES_SHOWN) + " more" : "");
        }
    }

    /**
     * What the pages' Content-Security-Policy refused so far: Chromium logs each refusal to the
     * console. Our own scripts and styles are allowed by hash, so any entry means a template's inline
     * text and its hash disagree, or a page loads something the policy does not name.
     */
    List<String> cspViolations() {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        return violations;
    }

    /** Fails when any page this browser showed broke the Content-Security-Policy; see {@link #cspViolations}. */
    @Override
    public void close() {
        List<String> violations = List.of();
        try {
            violations = cspViolations();
            driver.quit();
        } finally {
            try {
                DemoSite.deleteTree(home);
            } catch (IOException e) {
                // A profile Chromium is still flushing is only litter in the temp folder.
            }
        }
        assertEquals(List.of(), violations, "Content-Security-Policy violations in the browser console");
    }
}
