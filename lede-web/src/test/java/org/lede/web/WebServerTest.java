package org.lede.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.Services;
import org.lede.db.Dialect;

/**
 * A test with its own real server on a random port over a fresh newsroom, stopped after each test.
 * Every subclass runs once on SQLite and once on PostgreSQL: both annotations are inherited, so a
 * new HTTP test covers both databases without asking.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
public abstract class WebServerTest {
    @Parameter
    protected Dialect dialect;

    @TempDir
    protected Path dir;

    protected WebTestServer web;

    @BeforeEach
    void startServer() {
        web = new WebTestServer(dialect, dir, this::options);
    }

    /** How this class's server is set up; the defaults unless a test needs otherwise. */
    protected WebServer.Options options() {
        return WebServer.Options.DEFAULTS;
    }

    /** As {@link #options()}, for a test that wires parts of the server from the newsroom's services. */
    protected WebServer.Options options(Services services) {
        return options();
    }

    @AfterEach
    void stopServer() {
        web.close();
    }
}
