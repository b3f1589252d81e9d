package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Search vectors joined here and copied in binary against what PostgreSQL makes and joins of the
 * same texts (V18's {@code setweight(...) || ...}), with the size each is reckoned to take, and
 * the other values a copy carries, on a real PostgreSQL.
 */
class BinaryCopyTest extends PostgresClassTest {
    /**
     * Copies each document's texts, arrays and joined vectors into a table of their own, and
     * returns the documents whose copy differs from what PostgreSQL makes of the texts.
     */
    private static List<String> unlikePostgresql(List<String[]> docs, List<List<String>> arrays) {
        return db.inTransaction(() -> db.handle(h -> {
            h.execute("CREATE TEMPORARY TABLE copied (n TEXT, a TEXT, b TEXT, c TEXT, d TEXT, ids TEXT[], "
                    + "live BOOLEAN, search TSVECTOR, title TSVECTOR, stored INTEGER) ON COMMIT DROP");
            List<SearchVectors.Made> made = new SearchVectors().make(h, docs);
            BinaryCopy copy = new BinaryCopy();
            for (int i = 0; i < docs.size(); i++) {
                SearchVectors.Made m = made.get(i);
                assertNotNull(m.search(), docs.get(i)[0]);
                assertInPostgresqlOrder(m.search());
                assertInPostgresqlOrder(m.titleWords());
                String[] t = docs.get(i);
                copy.row(10)
                        .text(Integer.toString(i))
                        .text(t[0])
                        .text(t[1])
                        .text(t[2])
                        .text(t[3])
                        .texts(arrays.get(i % arrays.size()))
                        .bool(i % 2 == 0)
                        .tsvector(m.search())
                        .tsvector(m.titleWords())
                        .integer(m.search().stored());
            }
            assertEquals(docs.size(), copy.rows());
            copy.into(h, "copied", "n, a, b, c, d, ids, live, search, title, stored");
            // The size each vector was reckoned to take, against the size of PostgreSQL's own, a
            // value not yet stored and so neither compressed nor given a short header.
            List<String> unlike = new ArrayList<>(h.createQuery("SELECT n || ': ' || search::text FROM copied, "
                            + "LATERAL (SELECT setweight(to_tsvector('english'::regconfig, a), 'A') "
                            + "|| setweight(to_tsvector('english'::regconfig, b), 'B') "
                            + "|| setweight(to_tsvector('english'::regconfig, c), 'C') "
                            + "|| setweight(to_tsvector('english'::regconfig, d), 'D') AS made) m WHERE search <> made "
                            + "OR stored <> pg_column_size(made) "
                            + "OR title <> to_tsvector('simple'::regconfig, a) OR live <> (n::int % 2 = 0)")
                    .mapTo(String.class)
                    .list());
            List<String> ids = h.createQuery("SELECT coalesce(array_ndims(ids), 0) || chr(31) "
                            + "|| array_to_string(ids, chr(31)) FROM copied ORDER BY n::int")
                    .mapTo(String.class)
                    .list();
            assertEquals(docs.size(), ids.size());
            for (int i = 0; i < docs.size(); i++) {
                List<String> expected = arrays.get(i % arrays.size());
                String written = (expected.isEmpty() ? "0" : "1") + "\u001F" + String.join("\u001F", expected);
                if (!ids.get(i).equals(written)) {
                    unlike.add(i + ": " + ids.get(i));
                }
            }
            return unlike;
        }));
    }

    /**
     * PostgreSQL sorts a vector it receives out of order, so the copy alone cannot tell: the order
     * is what spares it that sort.
     */
    private static void assertInPostgresqlOrder(SearchVectors.Tsvector vector) {
        byte[][] lexemes = vector.lexemes();
        for (int k = 1; k < lexemes.length; k++) {
            assertTrue(
                    Arrays.compareUnsigned(lexemes[k - 1], lexemes[k]) < 0,
                    new String(lexemes[k - 1], StandardCharsets.UTF_8) + " before "
                            + new String(lexemes[k], StandardCharsets.UTF_8));
        }
    }

    @Test
    void joinedVectorsAreWhatPostgresqlJoins() {
        String[] words = {
            "the",
            "Budget",
            "budgets",
            "vote",
            "votes",
            "running",
            "council",
            "right-to-repair",
            "Zoë",
            "Ünal",
            "naïve",
            "ÉCOLE",
            "zebra",
            "a",
            "z",
            "1990s",
            "38",
            "4-0",
            "3.5",
            "Œuvre",
            "ß",
            "ÿ",
            "être",
            "élan",
            "internationalization",
            "internationalist",
            "internationally",
            "interna"
        };
        Random random = new Random(20261204);
        List<String[]> docs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String[] texts = new String[4];
            for (int w = 0; w < 4; w++) {
                StringBuilder text = new StringBuilder();
                int n = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(12);
                for (int k = 0; k < n; k++) {
                    text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : ", ");
                }
                texts[w] = text.toString();
            }
            docs.add(texts);
        }
        // A lexeme in every part, past the positions a joined lexeme keeps; parts past the last position.
        docs.add(new String[] {"vote ".repeat(200), "votes ".repeat(40), "voted ".repeat(40), "vote"});
        docs.add(new String[] {"vote ".repeat(255), "vote", "vote", "vote"});
        docs.add(new String[] {
            "word ".repeat(SearchVectors.LAST_POSITION - 2) + "vote late", "vote later", "vote", "latest vote"
        });
        docs.add(new String[] {"", "", "", ""});
        docs.add(new String[] {"", "", "", "vote"});
        assertEquals(List.of(), unlikePostgresql(docs, List.of(List.of())));
    }

    @Test
    void textsAndArraysGoInAsWritten() {
        List<String[]> docs = List.of(
                new String[] {"Quotes \"and\" commas, here", "Zoë’s line\nbreak\ttab", "", "end"},
                new String[] {"Plain", "text", "here", "now"});
        List<List<String>> arrays = List.of(List.of(), List.of("a1", "b \"2\"", "Zoë, {3}"));
        assertEquals(List.of(), unlikePostgresql(docs, arrays));
        db.inTransaction(() -> db.handle(h -> {
            h.execute("CREATE TEMPORARY TABLE kept (t TEXT, ids TEXT[]) ON COMMIT DROP");
            new BinaryCopy()
                    .row(2)
                    .text(null)
                    .texts(arrays.get(1))
                    .row(2)
                    .text("Zoë’s \"line\"\nbreak, C:\\path")
                    .texts(arrays.get(0))
                    .into(h, "kept", "t, ids");
            List<String> rows = h.createQuery("SELECT coalesce(t, 'NULL') || '|' || array_to_string(ids, '|') "
                            + "|| '|' || coalesce(array_ndims(ids), 0) FROM kept ORDER BY t NULLS FIRST")
                    .mapTo(String.class)
                    .list();
            assertEquals(List.of("NULL|a1|b \"2\"|Zoë, {3}|1", "Zoë’s \"line\"\nbreak, C:\\path||0"), rows);
            return null;
        }));
    }

    @Test
    void aDocumentWithATextLeftToPostgresqlHasNoJoinedVector() {
        List<SearchVectors.Made> made = db.handle(h ->
                new SearchVectors().make(h, List.<String[]>of(new String[] {"Plain words", "U.S. officials", "", ""})));
        assertNotNull(made.getFirst().titleWords());
        assertNull(made.getFirst().search());
        assertTrue(made.getFirst().headline() != null && made.getFirst().dek() == null);
    }
}
