package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.testing.TestDatabases;

/** Vectors made in Lede against PostgreSQL's own to_tsvector of the same text, on a real PostgreSQL. */
class SearchVectorsTest extends PostgresClassTest {
    /** Each text's vectors made here, or null where PostgreSQL must make them, and the texts PostgreSQL makes otherwise. */
    private record Checked(List<SearchVectors.Made> made, List<String> differing) {}

    private static Checked check(SearchVectors vectors, List<String> texts) {
        return check(db, vectors, texts);
    }

    private static Checked check(Database db, SearchVectors vectors, List<String> texts) {
        return db.handle(h -> {
            List<String[]> docs = new ArrayList<>();
            texts.forEach(t -> docs.add(new String[] {t, t + "\n", "", t}));
            List<SearchVectors.Made> made = vectors.make(h, docs);
            // One vector per configuration and text, null where PostgreSQL must make it.
            List<String> config = new ArrayList<>();
            List<String> text = new ArrayList<>();
            List<String> vector = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                SearchVectors.Made m = made.get(i);
                for (String[] pair : new String[][] {
                    {"english", SearchVectors.Vector.literal(m.headline())},
                    {"english", SearchVectors.Vector.literal(m.dek())},
                    {"english", SearchVectors.Vector.literal(m.names())},
                    {"simple", SearchVectors.Vector.literal(m.title())}
                }) {
                    config.add(pair[0]);
                    text.add(texts.get(i));
                    vector.add(pair[1]);
                }
            }
            List<String> differing = h.createQuery("SELECT c || ': ' || t || ' -> ' || v FROM unnest(:configs, :texts, "
                            + ":vectors) AS x(c, t, v) WHERE v IS NOT NULL "
                            + "AND to_tsvector(CAST(c AS regconfig), t) <> CAST(v AS tsvector)")
                    .bindArray("configs", String.class, config)
                    .bindArray("texts", String.class, text)
                    .bindArray("vectors", String.class, vector)
                    .mapTo(String.class)
                    .list();
            return new Checked(made, differing);
        });
    }

    @Test
    void proseIsMadeHereAsPostgresqlMakesIt() {
        List<String> prose = List.of(
                "The council's right-to-repair law passed 38,700 to 12 on Friday.",
                "Why it matters: the long-delayed budget (the city's 12th) covers the 1990s' B52s; \"voted\" - again!",
                "Residents of Port Averill have followed the debate over the property tax cap closely.",
                "Zoë Ünal’s naïve plan — “déjà vu” for señor Łódź-Straße… «ÉCOLE» 2026",
                "Running runners ran: the the THE the.",
                "The vote was 4-0, a 3.5 percent rise in COVID-19 cases, down -5 points for the 2018-2019 season.",
                "",
                "   \n\t",
                "A well-being well-b-e-i-n-g test of hyphen-words-with-many-parts-in-a-row and trailing- hyphens -- here");
        Checked checked = check(new SearchVectors(), prose);
        assertEquals(List.of(), checked.differing());
        checked.made().forEach(m -> {
            assertNotNull(m.headline());
            assertNotNull(m.title());
        });
    }

    @Test
    void aServerThatReadsLettersBeyondAsciiOtherwiseParsesTheirTextsItself() {
        // In the C locale PostgreSQL's parser takes every character beyond ASCII for a letter:
        // "Ünal’s" is one word there, two in C.UTF-8.
        try (Database c = Database.open(DatabaseUrl.parse(
                TestDatabases.newPostgresDatabase("TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'"), dir))) {
            Checked checked = check(
                    c, new SearchVectors(), List.of("Zoë Ünal’s naïve plan", "The council's right-to-repair law"));
            assertEquals(List.of(), checked.differing());
            assertNull(checked.made().get(0).headline());
            assertNull(checked.made().get(0).title());
            assertNotNull(checked.made().get(1).headline());
            assertNotNull(checked.made().get(1).title());
        }
    }

    @Test
    void theParsersOtherTokensAreLeftToPostgresql() {
        for (String text : List.of(
                "U.S. officials",
                "v3.5 and 1.2.3",
                "3.5x",
                "-3.5 points",
                "1e-5",
                "well-being-5",
                "B52-1",
                "write to desk@example.com",
                "see example.com",
                "<b>bold</b>",
                "fish &amp; chips",
                "AT&T",
                "https://example.com/a",
                "/usr/bin",
                "B52-bomber",
                "1e5 and 2E3x",
                "bomber-B52",
                "snake_case",
                "x".repeat(SearchVectors.LONGEST + 1),
                "tab\u000Bvertical",
                "José")) {
            assertNull(SearchVectors.tokens(text, false), text);
        }
        assertNull(SearchVectors.tokens("天気", true));
        assertNull(SearchVectors.tokens("a × b", true));
    }

    @Test
    void tokensTakeTheirDictionariesAndPositions() {
        SearchVectors.Tokens t = SearchVectors.tokens("The right-to-repair 1990s B52 law's 38,700 4-0 3.5", false);
        assertEquals(
                List.of(
                        "The",
                        "right-to-repair",
                        "right",
                        "to",
                        "repair",
                        "1990s",
                        "B52",
                        "law",
                        "s",
                        "38",
                        "700",
                        "4",
                        "-0",
                        "3.5"),
                t.text());
        boolean[] stemmed = t.stemmed();
        assertTrue(stemmed[0] && stemmed[1] && stemmed[4] && stemmed[7]);
        assertTrue(!stemmed[5] && !stemmed[6] && !stemmed[9] && !stemmed[10] && !stemmed[12] && !stemmed[13]);
    }

    @Test
    void generatedTextIsMadeHereAsPostgresqlMakesItOrLeftToIt() {
        String[] words = {
            "the",
            "a",
            "Budget",
            "running",
            "O",
            "s",
            "t",
            "right",
            "to",
            "repair",
            "Zoë",
            "naïve",
            "ÉCOLE",
            "1990s",
            "12th",
            "B52",
            "38",
            "700",
            "3",
            "x",
            "y",
            "com",
            "www",
            "http",
            "e",
            "g",
            "U",
            "S",
            "p",
            "m",
            "1e5",
            "0x1F",
            "é",
            "Ünal",
            "were",
            "being",
            "well",
            "CAPS",
            "mixedCase",
            "ß",
            "ÿ",
            "Œuvre"
        };
        String[] joins = {
            " ", " ", " ", "  ", "\n", ".", ". ", ",", ", ", "-", "--", "'", "’", "&", "& ", "&amp;", ":", ": ", ";",
            "/", "@", "$", "%", "(", ")", "\"", "“", "”", "—", "–", "…", "+", "#", "_", "*", "<", ">", "!", "?", "«",
            "»", "", "-", " -", "- ", "'s ", "\t", "\r\n", "\u00A0", "×"
        };
        Random random = new Random(20261203);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append(joins[random.nextInt(joins.length)]);
            }
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                text.append(words[random.nextInt(words.length)]);
                text.append(joins[random.nextInt(joins.length)]);
            }
            texts.add(text.toString());
        }
        Checked checked = check(new SearchVectors(), texts);
        assertEquals(List.of(), checked.differing());
        long made = checked.made().stream().filter(m -> m.headline() != null).count();
        // Most joins are blanks the rules know, so most texts are made here, not left to PostgreSQL.
        assertTrue(made > texts.size() / 4, made + " of " + texts.size());
    }

    @Test
    void positionsStopAtPostgresqlsLastAndEachLexemeKeepsItsFirstPositions() {
        String many = "vote ".repeat(300) + "word ".repeat(SearchVectors.LAST_POSITION) + "late";
        // Tokens of one lexeme keep its first positions between them, whichever token holds each.
        String forms = "Votes vote VOTED voting ".repeat(100) + "votes";
        Checked checked = check(new SearchVectors(), List.of(many, forms));
        assertEquals(List.of(), checked.differing());
        assertNotNull(checked.made().get(1).headline());
    }
}
