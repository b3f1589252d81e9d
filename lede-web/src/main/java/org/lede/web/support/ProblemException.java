package org.lede.web.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lede.common.LedeException;

/**
 * A refusal of an API request whose problem document (RFC 9457) carries more than a status and a
 * message: extension members such as the fields another save changed. {@link ErrorPages} writes
 * them beside {@code type}, {@code title}, {@code status} and {@code detail}.
 */
public class ProblemException extends LedeException {
    private final Map<String, Object> extensions;

    public ProblemException(int status, String detail, Map<String, Object> extensions) {
        super(detail, status);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public ProblemException(int status, String detail) {
        this(status, detail, Map.of());
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
