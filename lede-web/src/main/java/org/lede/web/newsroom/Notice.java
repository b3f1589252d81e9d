package org.lede.web.newsroom;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The one-line messages a newsroom page shows after a redirect. A redirect names a notice by
 * key ({@code ?notice=draft-saved}); the page that shows it writes the words, filling in names
 * from what it loaded itself, so no text from an address ever reaches the page.
 */
enum Notice {
    DRAFT_SAVED("Draft saved."),
    SAVED("Saved."),
    SAVED_REVISION("Saved (revision %s)."),
    SUBMITTED("Submitted for review."),
    PUBLISHED("Published."),
    SCHEDULED("Scheduled."),
    UPDATED_MINOR("Updated (minor: the Updated time stays)."),
    UPDATED_SUBSTANTIVE("Updated; readers see “Updated just now”."),
    UNPUBLISHED("Unpublished: the story is off the site."),
    CORRECTION_ADDED("Correction added."),
    RESTORED("An earlier revision was restored as revision %s."),
    TOP_SAVED("Top stories saved."),
    DASHBOARD_CREATED("Dashboard created."),
    TOPIC_CREATED("Created the topic “%s”."),
    AUTHOR_CREATED("Created the author “%s”."),
    UPLOADED("Uploaded “%s”."),
    UPLOADED_WITHOUT_ALT("Uploaded “%s”. Add its alt text before using it in a story."),
    DRAFT_DELETED("Draft deleted."),
    ARCHIVED("Archived: the story is kept, its address tells readers it is gone."),
    MEDIA_DELETED("Image deleted, with its files."),
    DASHBOARD_DELETED("Dashboard deleted; its address tells readers it is gone."),
    TOPIC_DELETED("Topic deleted."),
    TOPIC_MERGED("Topic merged: its stories and dashboards moved here, and its old address leads here."),
    AUTHOR_DELETED("Author deleted."),
    PAGE_CREATED("Created the page “%s”."),
    PAGE_PUBLISHED("Published: the page is on the site and in its footer."),
    PAGE_UNPUBLISHED("Unpublished: the page is off the site and out of its footer."),
    MEMBER_ADDED("Added %s as %s. Give them their password in person or by phone, not by email."),
    ROLE_CHANGED("%s is now %s; their sessions were ended, so they sign in again with the new rights."),
    MEMBER_DISABLED("Disabled %s: they are signed out everywhere and cannot sign in."),
    MEMBER_ENABLED("Enabled %s: they can sign in again with their password."),
    WEBHOOK_SAVED("Saved: the endpoint now gets the events ticked below."),
    WEBHOOK_ENABLED("Enabled: deliveries waiting for this endpoint are sent now, each with a fresh day of retries."),
    WEBHOOK_DISABLED("Disabled: nothing is sent to this endpoint until it is enabled again."),
    WEBHOOK_DELETED("Webhook endpoint deleted, with its delivery log."),
    WEBHOOK_TEST_SENT("A test event is on its way; it shows in the delivery log below."),
    WEBHOOK_REDELIVERING("Queued again with the same webhook-id; the log below shows how it goes."),
    IMPORT_STARTED("Import started: this page follows it and shows the report when it ends."),
    PASSWORD_CHANGED("Password changed. Your other sessions were signed out."),
    TOKEN_CREATED("API token made. Copy it now: it is shown only this once."),
    TOKEN_REVOKED("API token revoked: requests that send it are refused from now on."),
    PASSWORD_RESET("Your new password is set, and every earlier session was signed out. Sign in with it now.");

    private final String words;

    Notice(String words) {
        this.words = words;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code path} with this notice named in its query. */
    String on(String path) {
        return path + (path.contains("?") ? "&" : "?") + "notice=" + key();
    }

    /**
     * The words of the notice the request names, with {@code args} for its blanks, or null when
     * it names none, one this version does not know, or one whose blanks the page cannot fill.
     */
    static String textOf(Context ctx, Object... args) {
        String key = ctx.queryParam("notice");
        for (Notice notice : values()) {
            if (notice.key().equals(key)) {
                return notice.blanks() <= args.length ? notice.words.formatted(args) : null;
            }
        }
        return null;
    }

    /** The words of a notice without blanks, for a page answered directly rather than after a redirect. */
    String text() {
        return words;
    }

    private int blanks() {
        return words.split("%s", -1).length - 1;
    }
}
