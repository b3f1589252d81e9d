package org.lede.db;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Server secrets kept in the database: made at random the first time one is asked for, then
 * read, so links signed with them survive restarts and every server over the same database
 * signs alike. Two servers starting at once agree, since the first insert wins.
 */
public final class SiteSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SiteSecrets() {}

    /** The secret with this name: 32 random bytes, made on first use. */
    public static byte[] get(Database db, String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return db.inTransaction(() -> db.handle(h -> {
            h.createUpdate("INSERT INTO site_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                    .bind(0, name)
                    .bind(1, Base64.getEncoder().encodeToString(fresh))
                    .execute();
            return Base64.getDecoder()
                    .decode(h.createQuery("SELECT value FROM site_secrets WHERE name = ?")
                            .bind(0, name)
                            .mapTo(String.class)
                            .one());
        }));
    }
}
