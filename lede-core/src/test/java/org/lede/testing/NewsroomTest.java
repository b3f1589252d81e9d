package org.lede.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Dialect;
import org.lede.user.Actor;
import org.lede.user.Role;

/**
 * A test of the core against a fresh newsroom, run once on SQLite and once on a real PostgreSQL.
 * Subclasses inherit the parameterization; their own set-up runs after the newsroom is open.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
public abstract class NewsroomTest {
    protected static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);
    protected static final Actor WRITER = new Actor("writer-1", Role.WRITER);

    @Parameter
    protected Dialect dialect;

    @TempDir
    protected Path dir;

    protected Newsroom newsroom;

    @BeforeEach
    void openNewsroom() {
        newsroom = new Newsroom(dialect, dir);
    }

    @AfterEach
    void closeNewsroom() {
        newsroom.close();
    }
}
