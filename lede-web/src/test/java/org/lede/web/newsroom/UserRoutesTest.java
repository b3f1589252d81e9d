package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

class UserRoutesTest extends WebServerTest {

    @Test
    void anAdminAddsAMemberWhoCanThenSignIn() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        HttpResponse<String> added = admin.post(
                "/newsroom/users",
                "email",
                "Rosa.Diaz@Example.org",
                "name",
                "Rosa Díaz",
                "role",
                "editor",
                "password",
                "a long enough passphrase");
        assertEquals(303, added.statusCode(), added.body());
        String list = admin.get(NewsroomClient.location(added)).body();
        assertTrue(list.contains("Added rosa.diaz@example.org as editor."), list);
        assertTrue(list.contains("<td>Rosa Díaz</td>") && list.contains("<td>rosa.diaz@example.org</td>"), list);
        assertFalse(list.contains("a long enough passphrase"));

        NewsroomClient rosa = NewsroomClient.anonymous(web).signIn("rosa.diaz@example.org", "a long enough passphrase");
        assertTrue(rosa.get("/newsroom").body().contains("Rosa Díaz (editor)"));
    }

    @Test
    void aShortPasswordIsRefusedAndTheFormKeepsTheRest() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        HttpResponse<String> refused = admin.post(
                "/newsroom/users", "email", "sam@example.org", "name", "Sam", "role", "writer", "password", "short");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Choose a password of at least 12 characters."), refused.body());
        assertTrue(refused.body().contains("value=\"sam@example.org\""));
        assertTrue(web.newsroom.services.userService().all(admin.user().actor()).stream()
                .noneMatch(u -> u.email().equals("sam@example.org")));
    }

    @Test
    void onlyAdminsSeeOrAddPeople() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        assertEquals(403, editor.get("/newsroom/users").statusCode());
        HttpResponse<String> refused = editor.post(
                "/newsroom/users",
                "email",
                "eve@example.org",
                "name",
                "Eve",
                "role",
                "admin",
                "password",
                NewsroomClient.PASSWORD);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Only admins"), refused.body());
    }
}
