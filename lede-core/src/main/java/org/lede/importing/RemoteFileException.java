package org.lede.importing;

import java.net.URI;
import org.lede.common.LedeException;

/**
 * A file an import asked for over the network and did not get. Its message is one sentence for
 * the import's report: "Image http://10.0.0.5/x.jpg was not downloaded: 10.0.0.5 is a private
 * address."
 */
public final class RemoteFileException extends LedeException {
    private final URI url;
    private final String reason;

    /**
     * @param subject what was asked for, starting the sentence ("Image", "File")
     * @param reason why, a clause ending with its full stop
     */
    public RemoteFileException(String subject, URI url, String reason) {
        super(subject + " " + url + " was not downloaded: " + reason, 422);
        this.url = url;
        this.reason = reason;
    }

    /** The address the import asked for, before any redirect. */
    public URI url() {
        return url;
    }

    /** Why, as the clause after the colon. */
    public String reason() {
        return reason;
    }
}
