package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** A newsroom notice is named by key in the address; the words come from the page, never from the address. */
class NoticesTest extends WebServerTest {

    @Test
    void textInTheAddressNeverBecomesANotice() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> forged = editor.get("/newsroom?notice=Your+account+is+locked.+Call+0800+123");
        assertEquals(200, forged.statusCode());
        assertFalse(forged.body().contains("Your account is locked"), forged.body());
        assertFalse(forged.body().contains("class=\"notice\""), "an unknown key shows no notice at all");
    }

    @Test
    void aKnownKeyShowsItsWordsAndFillsNamesFromWhatThePageLoaded() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        assertTrue(editor.get("/newsroom?notice=top-saved").body().contains("Top stories saved."));
        var topic = web.newsroom.topic("harbour", "Harbour & Docks");
        String page = editor.get("/newsroom/topics/" + topic.id() + "?notice=topic-created")
                .body();
        assertTrue(page.contains("Created the topic “Harbour &amp; Docks”."), page);
        assertFalse(
                editor.get("/newsroom/media?notice=uploaded&item=no-such-image")
                        .body()
                        .contains("Uploaded"),
                "a notice whose name cannot be filled is not shown");
    }
}
