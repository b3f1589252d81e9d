package org.lede.content;

import org.lede.common.Check;
import org.lede.common.Ids;
import org.lede.common.ValidationException;

/**
 * An image placed in a story (in the body, or as its hero): which media item, with the caption
 * and credit for this use. Either may be null while drafting; publishing requires a credit.
 *
 * @param mediaId the media item; null only for a story's hero whose caption and credit came
 *     before its image (a paste or an import brought the words, someone still has to choose the
 *     picture), which cannot be published that way
 * @param alt the media item's alt text as it was when the story was last saved, so a published
 *     story reads what an editor saw, not what someone typed into the media library since; null
 *     for blocks saved before it was kept
 */
public record ImageBlock(String mediaId, String caption, Credit credit, String alt) implements Block {
    public ImageBlock(String mediaId, String caption, Credit credit) {
        this(mediaId, caption, credit, null);
    }

    public ImageBlock {
        if (mediaId != null && !Ids.isValid(mediaId)) {
            throw new ValidationException(
                    "mediaId", "An image must name a media item by its id, not \"" + mediaId + "\".");
        }
        caption = Check.optional(caption);
        if (mediaId == null && caption == null && credit == null) {
            throw new ValidationException("mediaId", "An image needs a media item, or at least its caption or credit.");
        }
        alt = Check.maxLength("alt", Check.optional(alt), 500);
    }

    /** A hero's caption and credit waiting for its image. */
    public static ImageBlock awaitingImage(String caption, Credit credit) {
        return new ImageBlock(null, caption, credit, null);
    }

    public boolean hasMedia() {
        return mediaId != null;
    }

    public ImageBlock withAlt(String newAlt) {
        return new ImageBlock(mediaId, caption, credit, newAlt);
    }

    @Override
    public String type() {
        return "image";
    }

    @Override
    public String plainText() {
        return caption == null ? "" : caption;
    }
}
