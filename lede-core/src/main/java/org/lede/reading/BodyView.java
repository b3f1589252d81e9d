package org.lede.reading;

import java.util.List;
import org.lede.content.Block;
import org.lede.content.ImageBlock;

/** A body of blocks ready to render: the blocks, and the figure each image block shows. */
public interface BodyView {
    List<Block> body();

    /** The figure for an image block of the body, or null when its media is gone. */
    Figure figure(ImageBlock image);
}
