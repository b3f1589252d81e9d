package org.lede.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a WordPress export of N posts for {@code bench/import.sh}: varied text, categories, tags,
 * authors and statuses, in our own words, the same file for the same N (a fixed seed). It
 * streams, so a file of any size is written in the memory of one post.
 *
 * <p>Arguments: the number of posts, the file to write.
 */
public final class WxrGenerator {
    private static final String[] WORDS =
            ("harbour ferry council budget school river bridge market tram library museum clinic"
                            + " nurses teachers rent housing flood storm festival league stadium quay pier night"
                            + " morning vote plan board mayor street bakery fishermen cargo crane tide lighthouse"
                            + " timetable workers union strike park garden election report inquiry court judge"
                            + " weather wind rain summer winter shop bus cyclists lane water power grid station")
                    .split(" ");
    private static final String[] CATEGORIES = {
        "Port",
        "Council",
        "Schools",
        "Health",
        "Housing",
        "Transport",
        "Culture",
        "Sport",
        "Weather",
        "Business",
        "Courts",
        "Environment"
    };
    private static final String[] AUTHORS = {"mbrandt", "okoro", "lhalvorsen", "pcosta", "ayilmaz", "jmwangi", "ssato"};
    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WxrGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WxrGenerator POSTS FILE");
            System.exit(2);
        }
        int posts = Integer.parseInt(args[0]);
        Random random = new Random(20261130L);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>The Bench Gazette</title><link>https://bench.example</link>
                    <wp:wxr_version>1.2</wp:wxr_version>
                    """);
            for (String login : AUTHORS) {
                out.write("<wp:author><wp:author_login><![CDATA[" + login + "]]></wp:author_login>"
                        + "<wp:author_display_name><![CDATA[" + capital(login.substring(1)) + " "
                        + Character.toUpperCase(login.charAt(0)) + ".]]></wp:author_display_name>"
                        + "<wp:author_description><![CDATA[Covers " + words(random, 4)
                        + ".]]></wp:author_description></wp:author>\n");
            }
            LocalDateTime start = LocalDateTime.of(2015, 1, 1, 6, 0);
            for (int i = 1; i <= posts; i++) {
                item(out, random, i, start.plusMinutes(i * 37L));
            }
            out.write("</channel>\n</rss>\n");
        }
    }

    private static void item(BufferedWriter out, Random random, int id, LocalDateTime at) throws IOException {
        int roll = random.nextInt(100);
        String status =
                roll < 80 ? "publish" : roll < 90 ? "draft" : roll < 95 ? "future" : roll < 98 ? "pending" : "private";
        LocalDateTime published = status.equals("future") ? at.plusYears(20) : at;
        String title = capital(words(random, 4 + random.nextInt(6)));
        String slug = title.toLowerCase().replace(' ', '-') + "-" + id;
        StringBuilder body = new StringBuilder();
        int paragraphs = 3 + random.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
            if (p == 1 && random.nextBoolean()) {
                body.append("<p><strong>Why it matters:</strong> ")
                        .append(words(random, 14))
                        .append(".</p>\n");
            } else if (p == 2 && random.nextInt(3) == 0) {
                body.append("<ul><li>")
                        .append(words(random, 5))
                        .append("</li><li>")
                        .append(words(random, 6))
                        .append("</li></ul>\n");
            } else if (p == 3 && random.nextInt(4) == 0) {
                body.append("<h2>").append(capital(words(random, 3))).append("</h2>\n");
            } else {
                body.append("<p>")
                        .append(capital(words(random, 20 + random.nextInt(40))))
                        .append(", said <a href=\"https://bench.example/")
                        .append(id % 97)
                        .append("/\">the ")
                        .append(words(random, 2))
                        .append("</a>.</p>\n");
            }
        }
        out.write("<item><title><![CDATA[" + title + "]]></title>\n");
        out.write("<link>https://bench.example/" + published.getYear() + "/"
                + String.format("%02d", published.getMonthValue()) + "/" + slug + "/</link>\n");
        out.write("<dc:creator><![CDATA[" + AUTHORS[random.nextInt(AUTHORS.length)] + "]]></dc:creator>\n");
        out.write("<guid isPermaLink=\"false\">https://bench.example/?p=" + id + "</guid>\n");
        out.write("<content:encoded><![CDATA[" + body + "]]></content:encoded>\n");
        out.write("<excerpt:encoded><![CDATA[" + capital(words(random, 12)) + ".]]></excerpt:encoded>\n");
        out.write("<wp:post_id>" + id + "</wp:post_id>\n");
        out.write("<wp:post_date><![CDATA[" + WP.format(published.plusHours(1)) + "]]></wp:post_date>\n");
        out.write("<wp:post_date_gmt><![CDATA[" + WP.format(published) + "]]></wp:post_date_gmt>\n");
        out.write(
                "<wp:post_modified_gmt><![CDATA[" + WP.format(published.plusHours(2)) + "]]></wp:post_modified_gmt>\n");
        out.write("<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>\n");
        out.write("<wp:status><![CDATA[" + status + "]]></wp:status>\n<wp:post_type><![CDATA[post]]></wp:post_type>\n");
        int categories = 1 + random.nextInt(3);
        for (int c = 0; c < categories; c++) {
            String name = CATEGORIES[random.nextInt(CATEGORIES.length)];
            out.write("<category domain=\"category\" nicename=\"" + name.toLowerCase() + "\"><![CDATA[" + name
                    + "]]></category>\n");
        }
        int tags = random.nextInt(4);
        for (int t = 0; t < tags; t++) {
            String tag = WORDS[random.nextInt(WORDS.length)];
            out.write("<category domain=\"post_tag\" nicename=\"" + tag + "\"><![CDATA[" + tag + "]]></category>\n");
        }
        int comments = random.nextInt(3);
        for (int c = 0; c < comments; c++) {
            out.write("<wp:comment><wp:comment_content><![CDATA[" + words(random, 8)
                    + "]]></wp:comment_content></wp:comment>\n");
        }
        out.write("</item>\n");
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
