package org.lede.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with its own real server on a random port over a fresh SQLite newsroom, stopped after each test. */
public abstract class WebServerTest {
    @TempDir
    protected Path dir;
    protected WebTestServer web;

    @BeforeEach
    void startServer() {
        web = new WebTestServer(dir);
    }

    @AfterEach
    void stopServer() {
        web.close();
    }
}
