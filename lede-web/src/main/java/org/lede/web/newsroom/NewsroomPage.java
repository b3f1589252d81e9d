package org.lede.web.newsroom;

import org.lede.reading.SiteSettings;
import org.lede.user.Role;
import org.lede.user.User;

/**
 * What every newsroom page's frame needs: who is signed in (null on the sign-in page), the
 * CSRF token its forms carry, the title, which section is current, and a one-line notice.
 */
public record NewsroomPage(SiteSettings site, User user, String csrf, String title, String section, String notice) {

    public boolean can(String what) {
        if (user == null) {
            return false;
        }
        Role role = user.role();
        return switch (what) {
            case "publish", "curate" -> role.canPublish();
            case "admin" -> role == Role.ADMIN;
            default -> true;
        };
    }
}
