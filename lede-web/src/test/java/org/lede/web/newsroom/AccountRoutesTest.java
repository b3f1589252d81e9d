package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lede.user.Role;
import org.lede.user.UserService;
import org.lede.web.WebServerTest;

/** Accounts over HTTP: what admins do to members, what members do to their own password, and when sessions end. */
class AccountRoutesTest extends WebServerTest {
    private static final Pattern RESET_URL = Pattern.compile("id=\"reset-url\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static boolean signedOut(NewsroomClient client) {
        HttpResponse<String> page = client.get("/newsroom");
        return page.statusCode() == 303 && NewsroomClient.location(page).startsWith("/newsroom/login");
    }

    @Test
    void disablingSignsTheMemberOutAndKeepsThemOutUntilEnabled() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        assertFalse(signedOut(writer));

        HttpResponse<String> disabled =
                admin.post("/newsroom/users/" + writer.user().id() + "/disable");
        assertEquals(303, disabled.statusCode(), disabled.body());
        String list = admin.get(NewsroomClient.location(disabled)).body();
        assertTrue(list.contains("Disabled " + writer.user().email()), list);
        assertTrue(signedOut(writer), "the open session ended at once");
        HttpResponse<String> refused = NewsroomClient.anonymous(web)
                .postForm(
                        "/newsroom/login",
                        List.of("email", writer.user().email(), "password", NewsroomClient.PASSWORD));
        assertTrue(refused.statusCode() >= 400, "a disabled member cannot sign in");

        assertEquals(
                303,
                admin.post("/newsroom/users/" + writer.user().id() + "/enable").statusCode());
        writer.signIn(writer.user().email(), NewsroomClient.PASSWORD);
        assertFalse(signedOut(writer));

        String audit = admin.get("/newsroom/audit").body();
        assertTrue(audit.contains("disabled user " + writer.user().email()), audit);
        assertTrue(audit.contains("enabled user " + writer.user().email()), audit);
    }

    @Test
    void aRoleChangeTakesEffectAtTheNextSignIn() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        assertEquals(403, writer.get("/newsroom/top").statusCode());
        HttpResponse<String> changed =
                admin.post("/newsroom/users/" + writer.user().id() + "/role", "role", "editor");
        assertEquals(303, changed.statusCode(), changed.body());
        assertTrue(admin.get(NewsroomClient.location(changed))
                .body()
                .contains(writer.user().email() + " is now editor"));
        assertTrue(signedOut(writer), "pages opened with the old rights cannot be used");
        writer.signIn(writer.user().email(), NewsroomClient.PASSWORD);
        assertEquals(200, writer.get("/newsroom/top").statusCode(), "an editor curates");
        assertTrue(admin.get("/newsroom/audit")
                .body()
                .contains("changed the role of user " + writer.user().email() + " (editor)"));
    }

    @Test
    void theLastAdminCannotBeDemotedAndNobodyDisablesThemselves() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String self = "/newsroom/users/" + admin.user().id();
        HttpResponse<String> demoted = admin.post(self + "/role", "role", "editor");
        assertEquals(409, demoted.statusCode());
        assertTrue(demoted.body().contains("is the last active admin; make someone else an admin"), demoted.body());
        HttpResponse<String> disabled = admin.post(self + "/disable");
        assertEquals(422, disabled.statusCode());
        assertTrue(disabled.body().contains("You cannot disable your own account"), disabled.body());
        assertFalse(signedOut(admin));
        assertEquals(
                Role.ADMIN,
                web.newsroom
                        .services
                        .userService()
                        .find(admin.user().id())
                        .orElseThrow()
                        .role());
    }

    @Test
    void aResetLinkIsShownOnceToTheAdminAndWorksOnceForTheMember() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        HttpResponse<String> issued =
                admin.post("/newsroom/users/" + editor.user().id() + "/reset");
        assertEquals(200, issued.statusCode(), issued.body());
        Matcher url = RESET_URL.matcher(issued.body());
        assertTrue(url.find(), issued.body());
        assertTrue(url.group(1).startsWith("https://news.example/newsroom/reset/"), url.group(1));
        assertTrue(signedOut(editor), "a reset ends the member's sessions");
        assertFalse(admin.get("/newsroom/users").body().contains(url.group(1)), "shown only on the answer");
        String path = URI.create(url.group(1)).getPath();

        NewsroomClient member = NewsroomClient.anonymous(web);
        HttpResponse<String> form = member.get(path);
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains(editor.user().email()));
        String csrf = token(form);
        HttpResponse<String> weak =
                member.postForm(path, List.of("_csrf", csrf, "password", "password1234", "confirm", "password1234"));
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("That password is too easy to guess."), weak.body());
        HttpResponse<String> reset = member.postForm(
                path,
                List.of(
                        "_csrf",
                        csrf,
                        "password",
                        "quiet lantern over harbour",
                        "confirm",
                        "quiet lantern over harbour"));
        assertEquals(303, reset.statusCode(), reset.body());
        assertTrue(member.get(NewsroomClient.location(reset)).body().contains("Your new password is set"));
        member.signIn(editor.user().email(), "quiet lantern over harbour");
        assertFalse(signedOut(member));

        HttpResponse<String> again = NewsroomClient.anonymous(web).get(path);
        assertEquals(404, again.statusCode(), "the link works once");
        assertTrue(again.body().contains("expired or was used already"), again.body());
        String audit = admin.get("/newsroom/audit").body();
        assertTrue(
                audit.contains(
                        "issued a password-reset link for user " + editor.user().email()),
                audit);
        assertTrue(
                audit.contains("set a new password from a reset link for user "
                        + editor.user().email()),
                audit);
    }

    @Test
    void membersChangeTheirOwnPasswordAndOnlyTheirOtherSessionsEnd() {
        NewsroomClient here = NewsroomClient.as(web, Role.CONTRIBUTOR);
        NewsroomClient elsewhere =
                NewsroomClient.anonymous(web).signIn(here.user().email(), NewsroomClient.PASSWORD);
        assertEquals(200, here.get("/newsroom/account").statusCode());

        HttpResponse<String> wrong = here.post(
                "/newsroom/account/password",
                "current",
                "not my password at all",
                "password",
                "quiet lantern over harbour",
                "confirm",
                "quiet lantern over harbour");
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("That is not your current password."), wrong.body());
        HttpResponse<String> weak = here.post(
                "/newsroom/account/password",
                "current",
                NewsroomClient.PASSWORD,
                "password",
                "aaaaaaaaaaaa",
                "confirm",
                "aaaaaaaaaaaa");
        assertEquals(422, weak.statusCode());
        assertTrue(weak.body().contains("That password is too easy to guess."), weak.body());

        HttpResponse<String> changed = here.post(
                "/newsroom/account/password",
                "current",
                NewsroomClient.PASSWORD,
                "password",
                "quiet lantern over harbour",
                "confirm",
                "quiet lantern over harbour");
        assertEquals(303, changed.statusCode(), changed.body());
        assertTrue(here.get(NewsroomClient.location(changed)).body().contains("Password changed."));
        assertFalse(signedOut(here), "the session in use stays");
        assertTrue(signedOut(elsewhere), "the other session ended");
        NewsroomClient.anonymous(web).signIn(here.user().email(), "quiet lantern over harbour");
    }

    @Test
    void aWeakPasswordIsRefusedWhenAddingSomeone() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        HttpResponse<String> refused = admin.post(
                "/newsroom/users",
                "email",
                "sam@example.org",
                "name",
                "Sam",
                "role",
                "writer",
                "password",
                "aaaaaaaaaaaa");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("That password is too easy to guess."), refused.body());
    }

    @Test
    void sessionsEndAfterTwelveHoursIdleAndAfterFourteenDaysHoweverBusy() {
        NewsroomClient idle = NewsroomClient.as(web, Role.WRITER);
        NewsroomClient busy = NewsroomClient.as(web, Role.WRITER);
        web.newsroom.clock.advance(Duration.ofHours(11));
        assertFalse(signedOut(busy));
        web.newsroom.clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertTrue(signedOut(idle), "12 hours without a request");
        assertFalse(signedOut(busy), "used an hour ago");
        for (Duration spent = Duration.ofHours(12); spent.compareTo(UserService.SESSION_LENGTH) < 0; ) {
            web.newsroom.clock.advance(Duration.ofHours(11));
            spent = spent.plusHours(11);
            assertEquals(spent.compareTo(UserService.SESSION_LENGTH) >= 0, signedOut(busy), "after " + spent);
        }
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), page.body());
        return m.group(1);
    }
}
