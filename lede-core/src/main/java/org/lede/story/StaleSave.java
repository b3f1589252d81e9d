package org.lede.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lede.authoring.AuthoringText;
import org.lede.common.LineDiff;

/**
 * What another save changed while a writer had the story open: the fields that differ between
 * the revision the writer started from and the stored one, and the body as a line diff, so a
 * refused save can show the writer exactly what to merge.
 *
 * @param current  the stored story now
 * @param changed  the names of the fields that changed, in form order
 * @param bodyDiff the body's authoring text, from the writer's revision to the stored one
 */
public record StaleSave(Story current, List<String> changed, List<LineDiff.Line> bodyDiff) {
    public StaleSave {
        changed = List.copyOf(changed);
        bodyDiff = List.copyOf(bodyDiff);
    }

    static StaleSave between(Story before, Story current) {
        StoryDraft was = before.draft();
        StoryDraft now = current.draft();
        List<String> changed = new ArrayList<>();
        addIf(changed, "headline", !was.headline().equals(now.headline()));
        addIf(changed, "dek", !Objects.equals(was.dek(), now.dek()));
        addIf(changed, "topic", !Objects.equals(was.topicId(), now.topicId()));
        addIf(changed, "tags", !was.tags().equals(now.tags()));
        addIf(changed, "authors", !was.authorIds().equals(now.authorIds()));
        addIf(changed, "hero image", !Objects.equals(was.hero(), now.hero()));
        addIf(changed, "body", !was.body().equals(now.body()));
        addIf(changed, "status (now " + current.status().key() + ")", before.status() != current.status());
        return new StaleSave(
                current, changed, LineDiff.diff(AuthoringText.format(was.body()), AuthoringText.format(now.body())));
    }

    private static void addIf(List<String> changed, String field, boolean differs) {
        if (differs) {
            changed.add(field);
        }
    }

    /** One sentence for the writer, or an empty string when no field they edit changed. */
    public String summary() {
        return changed.isEmpty() ? "" : "They changed: " + String.join(", ", changed) + ".";
    }
}
