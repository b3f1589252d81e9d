package org.lede.story;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lede.common.Check;
import org.lede.common.ValidationException;

/**
 * One newsroom action on a story with everything that goes with it ("save these fields and
 * publish"), so a caller (the newsroom, the API, the command line) makes one call and the story
 * gets one revision and one event, or nothing.
 *
 * @param draft     the fields to save with the action; null to act on the stored fields.
 *                  Required for {@link Action#SAVE} and the updates; unpublishing takes none
 * @param publishAt when a scheduled story goes live, required for {@link Action#SCHEDULE}; for
 *                  {@link Action#PUBLISH}, the earlier time an imported story first went out on
 *                  its old site (null: now)
 * @param pins      Go deeper pins (story ids or slugs, in order) to set with the action; null leaves them
 */
public record StoryCommand(Action action, StoryDraft draft, Instant publishAt, List<String> pins) {
    public enum Action {
        SAVE,
        SUBMIT,
        PUBLISH,
        SCHEDULE,
        UPDATE_MINOR,
        UPDATE_SUBSTANTIVE,
        UNPUBLISH;

        /** The action named by a form's {@code action} value, such as {@code update-minor}. */
        public static Action parse(String key) {
            for (Action action : values()) {
                if (action.key().equals(key)) {
                    return action;
                }
            }
            throw new ValidationException("action", "Unknown action \"" + key + "\".");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public StoryCommand {
        Objects.requireNonNull(action, "action");
        boolean needsDraft =
                action == Action.SAVE || action == Action.UPDATE_MINOR || action == Action.UPDATE_SUBSTANTIVE;
        if (needsDraft && draft == null) {
            throw new ValidationException("action", "Saving needs the story's fields.");
        }
        if (action == Action.UNPUBLISH && draft != null) {
            throw new ValidationException(
                    "action", "Unpublishing takes the story off the site as it is; save changes separately.");
        }
        if (action == Action.SCHEDULE && publishAt == null) {
            throw new ValidationException("publishAt", "Choose a date and time.");
        }
        pins = pins == null ? null : Check.list(pins);
    }

    public static StoryCommand of(Action action, StoryDraft draft) {
        return new StoryCommand(action, draft, null, null);
    }

    public StoryCommand withPins(List<String> newPins) {
        return new StoryCommand(action, draft, publishAt, newPins);
    }
}
