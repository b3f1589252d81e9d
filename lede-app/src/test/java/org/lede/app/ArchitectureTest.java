package org.lede.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.outbox.OutboxEvent;
import org.lede.testing.TestClock;
import org.lede.web.WebServer;

/**
 * The layering rules of CONTRIBUTING.md and ARCHITECTURE.md, checked against the compiled classes of
 * every module. Lives in lede-app because only its test classpath holds all of them.
 */
class ArchitectureTest {

    private static final String CORE = "org.lede..";
    private static final String WEB = "org.lede.web..";
    private static final String APP = "org.lede.app..";
    private static final String STORES = "..store..";
    private static final String DB = "org.lede.db..";
    private static final String STORY_JSON = "org.lede.story.json..";
    private static final String WEB_API = "org.lede.web.api..";
    private static final String GHOST_READER = "org.lede.importing.ghost..";

    /**
     * Our modules arrive as target/classes in a {@code test} run but as packaged jars in a
     * {@code verify} run, so jars are told apart by name rather than dropped wholesale; the core's
     * test-jar is test code like any test-classes directory.
     */
    private static final Pattern OUR_MAIN_JARS = Pattern.compile(".*/lede-(core|web|app)-[^/!]*(?<!-tests)\\.jar!/.*");

    private static final ImportOption OUR_MAIN_CODE = location -> !location.isJar() || location.matches(OUR_MAIN_JARS);

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(OUR_MAIN_CODE)
            .importPackages("org.lede");

    static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that()
            .resideInAPackage(CORE)
            .and()
            .resideOutsideOfPackages(WEB, APP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "gg.jte..", "picocli..")
            .because("lede-core is used by the CLI, the web server and tests alike, "
                    + "and must build and run without either front end");

    static final ArchRule FEATURE_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("org.lede.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature package that needs another must not be needed back, or neither can change alone");

    static final ArchRule WEB_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("org.lede.web.(*)..")
            .should()
            .beFreeOfCycles()
            .because(
                    "the reader site, the newsroom and the page cache build on support, never on each other in a loop");

    static final ArchRule JDBI_ONLY_IN_ADAPTERS = noClasses()
            .that()
            .resideOutsideOfPackages(STORES, DB)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.jdbi..")
            .because(
                    "only store/ adapters and the Database that runs their transactions speak SQL; services see ports");

    static final ArchRule JACKSON_ONLY_IN_ADAPTERS_AND_WEB_JSON = noClasses()
            .that()
            .resideOutsideOfPackages(STORES, DB, STORY_JSON, WEB_API, GHOST_READER)
            .and()
            .doNotHaveFullyQualifiedName("org.lede.web.support.Json")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml.jackson..")
            .because("stored JSON is an adapter's format, the story document has one JSON shape (story.json) that "
                    + "storage, the APIs and export share, API wire formats live in web.api, and other web JSON is "
                    + "written in one place (web.support.Json), a foreign export's JSON is read by its own reader "
                    + "(importing.ghost) and turned into SourceItems there, so a record's shape on disk or on the wire never "
                    + "leaks into the content model");

    static final ArchRule WEB_NEVER_TOUCHES_STORES = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat(
                    resideInAPackage(STORES).or(simpleNameEndingWith("Store").and(resideInAPackage(CORE))))
            .because("routes only translate HTTP; reads and writes go through services and query objects "
                    + "that check roles and append outbox events");

    static final ArchRule ONLY_WEB_SERVER_TAKES_SERVICES = noClasses()
            .that()
            .resideInAPackage(WEB)
            .and()
            .doNotHaveFullyQualifiedName(WebServer.class.getName())
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Services.class.getName())
            .because("WebServer is the web module's wiring; route classes take the narrow services they use, "
                    + "so what a route can reach is visible in its constructor");

    static final ArchRule ONLY_OUTBOX_BUILDS_ENVELOPES = noClasses()
            .that()
            .resideOutsideOfPackage("org.lede.outbox..")
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "its owner is " + OutboxEvent.class.getName(),
                    (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(OutboxEvent.class)))
            .because("services append typed Events, and Events is the one mapping to stored envelopes, "
                    + "so every event's data has the same keys for the audit log and the consumers");

    static final ArchRule ONLY_WIRING_KNOWS_JDBI_STORES = noClasses()
            .that()
            .resideOutsideOfPackages(STORES, DB)
            .and()
            .doNotHaveFullyQualifiedName(Services.class.getName())
            .should()
            .dependOnClassesThat(simpleNameStartingWith("Jdbi").and(simpleNameEndingWith("Store")))
            .because("everything else depends on the store ports, so a second adapter or a test double "
                    + "needs only a change to Services");

    @Test
    void importsEveryModulesMainCodeAndNoTests() {
        assertAll(
                () -> assertTrue(MAIN.contain(Services.class), "core"),
                () -> assertTrue(MAIN.contain(WebServer.class), "web"),
                () -> assertTrue(MAIN.contain(Main.class), "app"),
                () -> assertFalse(MAIN.contain(ArchitectureTest.class), "test classes"),
                () -> assertFalse(MAIN.contain(TestClock.class), "the core's test-jar"),
                () -> assertFalse(MAIN.contain("org.lede.web.archfixture.LeakyRoutes"), "fixtures"));
    }

    @Test
    void coreIsFrameworkFree() {
        CORE_IS_FRAMEWORK_FREE.check(MAIN);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURE_PACKAGES_ARE_FREE_OF_CYCLES.check(MAIN);
    }

    @Test
    void webPackagesAreFreeOfCycles() {
        WEB_PACKAGES_ARE_FREE_OF_CYCLES.check(MAIN);
    }

    @Test
    void jdbiOnlyInAdapters() {
        JDBI_ONLY_IN_ADAPTERS.check(MAIN);
    }

    @Test
    void jacksonOnlyInAdaptersAndWebJson() {
        JACKSON_ONLY_IN_ADAPTERS_AND_WEB_JSON.check(MAIN);
    }

    @Test
    void webNeverTouchesStores() {
        WEB_NEVER_TOUCHES_STORES.check(MAIN);
    }

    @Test
    void onlyWebServerTakesServices() {
        ONLY_WEB_SERVER_TAKES_SERVICES.check(MAIN);
    }

    @Test
    void onlyOutboxBuildsEnvelopes() {
        ONLY_OUTBOX_BUILDS_ENVELOPES.check(MAIN);
    }

    @Test
    void onlyWiringKnowsJdbiStores() {
        ONLY_WIRING_KNOWS_JDBI_STORES.check(MAIN);
    }

    /**
     * A rule that can never fail proves nothing, so each one is shown a fixture that breaks it. The
     * fixtures live in test sources, which the main import leaves out.
     */
    @Nested
    class RulesBite {
        private final JavaClasses fixtures = new ClassFileImporter()
                .importPackages("org.lede.archfixture", "org.lede.web.archfixture", "org.lede.web.archfixtureviews");

        @Test
        void coreImportingJavalinIsCaught() {
            assertBites(CORE_IS_FRAMEWORK_FREE);
        }

        @Test
        void cyclesAreCaught() {
            assertBites(FEATURE_PACKAGES_ARE_FREE_OF_CYCLES);
            assertBites(WEB_PACKAGES_ARE_FREE_OF_CYCLES);
        }

        @Test
        void jdbiAndJacksonOutsideAdaptersAreCaught() {
            assertBites(JDBI_ONLY_IN_ADAPTERS);
            assertBites(JACKSON_ONLY_IN_ADAPTERS_AND_WEB_JSON);
        }

        @Test
        void routesReachingStoresOrServicesAreCaught() {
            assertBites(WEB_NEVER_TOUCHES_STORES);
            assertBites(ONLY_WEB_SERVER_TAKES_SERVICES);
        }

        @Test
        void envelopesBuiltOutsideTheOutboxAreCaught() {
            assertBites(ONLY_OUTBOX_BUILDS_ENVELOPES);
        }

        @Test
        void jdbiStoresOutsideTheWiringAreCaught() {
            assertBites(ONLY_WIRING_KNOWS_JDBI_STORES);
        }

        private void assertBites(ArchRule rule) {
            assertTrue(rule.evaluate(fixtures).hasViolation(), () -> "no violation found by: " + rule.getDescription());
        }
    }
}
