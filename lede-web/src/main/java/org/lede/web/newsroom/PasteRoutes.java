package org.lede.web.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lede.authoring.AuthoringText;
import org.lede.authoring.PasteStructurer;
import org.lede.common.TooLargeException;
import org.lede.common.ValidationException;
import org.lede.web.support.Json;

/**
 * Structures what a writer pastes into the story text, as {@code lede import text} does: the
 * editor's paste script sends the clipboard's HTML (or its plain text) and fills the fields from
 * the answer. Nothing is saved here; the writer saves the form as always.
 */
public final class PasteRoutes {
    /** A word processor's clipboard carries many times its words in markup; this is far beyond any story. */
    static final int MAX_PASTE_CHARS = 10_000_000;

    public void register(RoutesConfig routes) {
        routes.post("/newsroom/paste", this::paste);
    }

    private void paste(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean html;
        String pasted;
        if (type.startsWith("text/html") || type.startsWith("text/plain")) {
            // Sent as the body itself: a form body is limited to 200 kB by the server, too little for a word processor.
            html = type.startsWith("text/html");
            pasted = ctx.body();
        } else {
            String markup = ctx.formParam("html");
            html = markup != null && !markup.isBlank();
            pasted = html ? markup : ctx.formParam("text");
        }
        if (pasted == null || pasted.isBlank()) {
            throw new ValidationException("body", "There is nothing to paste.");
        }
        if (pasted.length() > MAX_PASTE_CHARS) {
            throw new TooLargeException(String.format(
                    Locale.ROOT,
                    "The paste is %,d characters long; paste at most %,d at a time.",
                    pasted.length(),
                    MAX_PASTE_CHARS));
        }
        PasteStructurer.Structured found =
                html ? PasteStructurer.structureHtml(pasted) : PasteStructurer.structure(pasted);
        String body = AuthoringText.format(found.body());
        // Reads the text back as a save would, so a paste too long to save is refused now, with the same words.
        AuthoringText.parse(body);
        String headline = found.headline() != null
                ? found.headline()
                : found.body().isEmpty() ? null : PasteStructurer.proposedHeadline(found.body());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("body", body);
        out.put("headline", headline == null || headline.isEmpty() ? null : headline);
        out.put("heroCaption", found.heroCaption());
        out.put(
                "heroCredit",
                found.heroCredit() == null ? null : found.heroCredit().render());
        out.put("bioLine", found.bioLine());
        out.put("summary", summary(found));
        out.put("report", found.report());
        ctx.contentType("application/json;charset=utf-8").result(Json.write(out));
    }

    /** What the paste became, in one sentence for the editor's live region. */
    private static String summary(PasteStructurer.Structured found) {
        return String.join(
                "; ",
                PasteStructurer.describe(found)
                        .lines()
                        .filter(line -> !line.startsWith("simplified: ") && !line.startsWith("headline: "))
                        .toList());
    }
}
