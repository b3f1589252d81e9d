package org.lede.content;

import org.lede.common.Check;
import org.lede.common.Ids;
import org.lede.common.ValidationException;

/**
 * An image placed in a story (in the body, or as its hero): which media item, with the caption
 * and credit for this use. Either may be null while drafting; publishing requires a credit.
 */
public record ImageBlock(String mediaId, String caption, Credit credit) implements Block {
    public ImageBlock {
        if (!Ids.isValid(mediaId)) {
            throw new ValidationException(
                    "mediaId", "An image must name a media item by its id, not \"" + mediaId + "\".");
        }
        caption = Check.optional(caption);
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
