package org.lede.dashboard;

import org.lede.common.Check;
import org.lede.common.Ids;
import org.lede.common.ValidationException;
import org.lede.content.Links;

/**
 * One linked headline of a dashboard item: a story of ours ({@code storyId}), or an outside
 * link with its own title.
 */
public record DashboardEntry(String storyId, String url, String title) {
    public DashboardEntry {
        storyId = Check.optional(storyId);
        url = Check.optional(url);
        title = Check.maxLength("title", Check.optional(title), 200);
        if ((storyId == null) == (url == null)) {
            throw new ValidationException("entry", "A dashboard entry links either a story or an outside address.");
        }
        if (storyId != null && !Ids.isValid(storyId)) {
            throw new ValidationException(
                    "entry", "A dashboard entry names a story by its id, not \"" + storyId + "\".");
        }
        if (url != null) {
            url = Links.checkWeb(url);
            if (title == null) {
                throw new ValidationException("title", "An outside link on a dashboard needs a title.");
            }
        }
    }

    public static DashboardEntry story(String storyId) {
        return new DashboardEntry(storyId, null, null);
    }

    public static DashboardEntry link(String url, String title) {
        return new DashboardEntry(null, url, title);
    }
}
