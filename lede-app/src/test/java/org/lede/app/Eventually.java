package org.lede.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The one way functional tests wait: poll for the state they expect until a generous deadline.
 * A test that sleeps for a fixed time, or asserts that something happens within a second, fails on
 * a busy CI runner while the software is fine; how fast things happen is the benchmarks' business
 * (bench/README.md), whether they happen is the tests'. The deadline only bounds a broken run.
 */
final class Eventually {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long INTERVAL_MILLIS = 50;

    private Eventually() {}

    /**
     * Calls {@code probe} until {@code done} accepts what it returns, and returns that. A probe that
     * throws counts as "not yet" (a connection refused, an element replaced under the reader), and
     * the last such exception is the failure's cause.
     */
    static <T> T until(
            String what, Duration deadline, Callable<T> probe, Predicate<? super T> done, Supplier<String> context) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = null;
        Exception lastError = null;
        int looks = 0;
        while (true) {
            looks++;
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - end >= 0) {
                break;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        String message = "waited " + deadline.toSeconds() + " s (" + looks + " looks) for " + what
                + (lastError != null
                        ? "; the last look failed: " + lastError
                        : "; the last look found: " + abbreviate(last))
                + (context == null ? "" : "\n  " + context.get());
        throw new AssertionError(message, lastError);
    }

    static <T> T until(String what, Callable<T> probe, Predicate<? super T> done) {
        return until(what, DEADLINE, probe, done, null);
    }

    static void until(String what, Callable<Boolean> condition) {
        until(what, DEADLINE, condition, Boolean.TRUE::equals, null);
    }

    /** For a browser: on failure it also says where the browser is and what its main element reads. */
    static void until(WebDriver driver, String what, Function<WebDriver, Boolean> condition) {
        until(driver, what, condition, null);
    }

    static void until(WebDriver driver, String what, Function<WebDriver, Boolean> condition, Supplier<String> context) {
        until(
                what,
                DEADLINE,
                () -> condition.apply(driver),
                Boolean.TRUE::equals,
                () -> "at " + driver.getCurrentUrl()
                        + ", main: "
                        + abbreviate(driver.findElements(By.tagName("main")).stream()
                                .map(WebElement::getText)
                                .findFirst()
                                .orElse("(none)"))
                        + (context == null ? "" : "\n  " + context.get()));
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value).replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
