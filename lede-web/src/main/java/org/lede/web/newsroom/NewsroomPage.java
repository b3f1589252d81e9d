package org.lede.web.newsroom;

import org.lede.reading.SiteSettings;
import org.lede.user.Role;
import org.lede.user.User;

/**
 * What every newsroom page's frame needs: who is signed in (null on the sign-in page), the
 * CSRF token its forms carry, the title, which section is current, and a one-line notice.
 * What the page may offer is asked by name of method, so a misspelt permission fails the build.
 *
 * @param waitingForEditors how many stories wait for an editor (in review, or scheduled and
 *                          blocked), shown in the navigation; zero for everyone but editors
 */
public record NewsroomPage(
        SiteSettings site,
        User user,
        String csrf,
        String title,
        Section section,
        String notice,
        int waitingForEditors) {

    /** A page with nothing waiting to show, such as the sign-in page. */
    public NewsroomPage(SiteSettings site, User user, String csrf, String title, Section section, String notice) {
        this(site, user, csrf, title, section, notice, 0);
    }

    /** Publishing, scheduling, updating and unpublishing stories. */
    public boolean canPublish() {
        return user != null && user.role().canPublish();
    }

    /** Topics, authors, dashboards, top stories and Go deeper pins. */
    public boolean canCurate() {
        return canPublish();
    }

    /** People and the audit log. */
    public boolean isAdmin() {
        return user != null && user.role() == Role.ADMIN;
    }
}
