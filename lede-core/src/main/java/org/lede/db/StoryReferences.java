package org.lede.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.lede.common.Reference;

/**
 * The stories that use something a newsroom asked to delete (a topic, a byline, an image), as a refusal
 * names them: the first {@link Reference#NAMED} of each kind by headline, and how many more. A
 * topic or an author of a big archive has a hundred thousand stories; reading every headline to
 * name ten made refusing to delete a topic of 166,439 stories take 20 s at a million stories.
 */
public final class StoryReferences {
    private StoryReferences() {}

    /**
     * @param condition on {@code stories}, with one placeholder, which {@code value} fills
     */
    public static List<Reference> of(Handle h, String condition, String value) {
        List<Reference> uses = new ArrayList<>();
        for (boolean live : List.of(true, false)) {
            String picked = "(" + condition + ") AND status " + (live ? "=" : "<>") + " 'published'";
            List<String> named = h.createQuery("SELECT headline FROM stories WHERE " + picked
                            + " ORDER BY headline, id LIMIT " + Reference.NAMED)
                    .bind(0, value)
                    .mapTo(String.class)
                    .list();
            named.forEach(headline -> uses.add(Reference.story(headline, live)));
            if (named.size() == Reference.NAMED) {
                long all = h.createQuery("SELECT COUNT(*) FROM stories WHERE " + picked)
                        .bind(0, value)
                        .mapTo(Long.class)
                        .one();
                if (all > named.size()) {
                    uses.add(Reference.more(
                            live ? Reference.Kind.PUBLISHED_STORY : Reference.Kind.OTHER_STORY, all - named.size()));
                }
            }
        }
        return uses;
    }
}
