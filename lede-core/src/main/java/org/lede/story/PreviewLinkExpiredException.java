package org.lede.story;

import org.lede.common.LedeException;

/** A genuine preview link past its time: 410, since it did exist and will not come back. */
public final class PreviewLinkExpiredException extends LedeException {
    public PreviewLinkExpiredException() {
        super("This preview link has expired. Ask the newsroom for a new one.", 410);
    }
}
