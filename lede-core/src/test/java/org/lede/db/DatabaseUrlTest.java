package org.lede.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void credentialsInTheUserInfoPartAreTakenOutOfTheUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://lede:p%40ss+w@rd@db.internal:5432/lede", Path.of("."));
        assertEquals("jdbc:postgresql://db.internal:5432/lede", url.jdbcUrl(), "the driver never sees them");
        assertEquals("lede", url.user());
        assertEquals("p@ss+w@rd", url.password());
        assertFalse(url.toString().contains("ss"), url.toString());
    }

    @Test
    void aUrlWithoutUserInfoIsLeftAlone() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db/lede?user=lede&password=secret", Path.of("."));
        assertEquals("jdbc:postgresql://db/lede?user=lede&password=secret", url.jdbcUrl());
        assertNull(url.user());
        assertEquals("PostgreSQL jdbc:postgresql://db/lede?user=lede&password=***", url.toString());
    }

    @Test
    void redactHidesPasswordsInAnyTextThatRepeatsAUrl() {
        String said =
                DatabaseUrl.redact("Connection to postgresql://lede:s3cr@t@db.internal/lede refused (password=s3cr@t)");
        assertFalse(said.contains("s3cr"), said);
        assertTrue(said.startsWith("Connection to postgresql://lede:***@db.internal/lede refused"), said);
        assertEquals("http://example.org/a:b", DatabaseUrl.redact("http://example.org/a:b"));
    }
}
