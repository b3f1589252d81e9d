package org.lede.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tools of the browser, validator and accessibility tests live, and what happens when one
 * is missing: the test is skipped with the reason, so `./test` passes on a machine with only a JDK,
 * unless LEDE_REQUIRE_BROWSER=1 (set by CI), which turns a missing tool into a failure so CI cannot
 * go green by skipping them.
 */
final class TestTools {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOW_TO_INSTALL_CHROMIUM = "install Debian's chromium and chromium-driver packages";
    private static final String HOW_TO_INSTALL_NPM_TOOLS = "run bin/install-test-tools";

    private TestTools() {}

    static boolean browserRequired() {
        return "1".equals(System.getenv("LEDE_REQUIRE_BROWSER"));
    }

    static void requireChromium() {
        require(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing; " + HOW_TO_INSTALL_CHROMIUM);
        require(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing; " + HOW_TO_INSTALL_CHROMIUM);
    }

    /** The Nu HTML Checker's jar, from the npm package vnu-jar. */
    static Path vnuJar() {
        Path jar = npmTools().resolve("vnu-jar/build/dist/vnu.jar");
        require(Files.isRegularFile(jar), jar + " is missing; " + HOW_TO_INSTALL_NPM_TOOLS);
        return jar;
    }

    /** axe-core's browser bundle, from the npm package axe-core. */
    static Path axeScript() {
        Path script = npmTools().resolve("axe-core/axe.min.js");
        require(Files.isRegularFile(script), script + " is missing; " + HOW_TO_INSTALL_NPM_TOOLS);
        return script;
    }

    private static Path npmTools() {
        return repoRoot().resolve(".tools/node_modules");
    }

    /** The folder holding mvnw: Surefire runs each module's tests from the module's folder, not the root. */
    static Path repoRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw above " + start);
    }

    private static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        if (browserRequired()) {
            fail("LEDE_REQUIRE_BROWSER=1 but " + reason);
        }
        Assumptions.abort("Skipped: " + reason + " (set LEDE_REQUIRE_BROWSER=1 to make this a failure)");
    }
}
