package org.lede.web.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The head of an HTTP/1.1 request as {@link CachedPageConnection} reads it: only requests the
 * page cache could answer, and only when nothing about them is in doubt. Anything else (another
 * method or version, a body, an upgrade, an unusual path, a header Jetty would judge) is
 * {@link Parsed.Other}, and Jetty reads the request instead, so this parser never has to be as
 * complete as Jetty's, only never more lenient.
 */
final class RequestHead {
    private RequestHead() {}

    /** What the bytes at a buffer's position hold. */
    sealed interface Parsed {
        /** Not the whole head yet. */
        record Incomplete() implements Parsed {}

        /** A request for Jetty to read. */
        record Other() implements Parsed {}

        /**
         * A GET or HEAD the cache may answer.
         *
         * @param length the head's bytes, up to and including the empty line that ends it
         * @param query the raw query, or null when the target has none
         * @param acceptEncoding and the other headers: the field's value, or null when not sent
         */
        record Get(
                int length,
                boolean head,
                String path,
                String query,
                String acceptEncoding,
                String ifNoneMatch,
                String ifModifiedSince,
                String authorization,
                String forwardedProto)
                implements Parsed {}
    }

    static final Parsed INCOMPLETE = new Parsed.Incomplete();
    static final Parsed OTHER = new Parsed.Other();

    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD = "HEAD ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = " HTTP/1.1".getBytes(StandardCharsets.US_ASCII);

    /**
     * Bytes a path may hold here: letters, digits and the punctuation of RFC 3986's pchar but for
     * "%" and ";", which Jetty decodes or cuts off, so the path read here is the path Jetty
     * would route.
     */
    private static final boolean[] PATH = chars("-._~!$&'()*+,=:@/");
    /** A query may hold "%", ";" and "?" too: it is read raw on both paths. */
    private static final boolean[] QUERY = chars("-._~!$&'()*+,=:@/?%;");
    /** A host name's letters, digits, dots and hyphens. */
    private static final boolean[] HOST = chars("-.");
    /** RFC 9110's tchar, which a field name is made of. */
    private static final boolean[] TOKEN = chars("!#$%&'*+-.^_`|~");

    private static boolean[] chars(String punctuation) {
        boolean[] allowed = new boolean[128];
        for (int c = 0; c < 128; c++) {
            allowed[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        punctuation.chars().forEach(c -> allowed[c] = true);
        return allowed;
    }

    /** The fields the cache answers by, each read once: sent twice, the request is Jetty's. */
    private static final String[] READ = {
        "accept-encoding", "if-none-match", "if-modified-since", "authorization", "x-forwarded-proto"
    };

    private static final int ACCEPT_ENCODING = 0;
    private static final int IF_NONE_MATCH = 1;
    private static final int IF_MODIFIED_SINCE = 2;
    private static final int AUTHORIZATION = 3;
    private static final int FORWARDED_PROTO = 4;

    /** Which of {@link #READ} the field name at {@code from} is, or -1. */
    private static int slot(ByteBuffer in, int from, int length) {
        for (int i = 0; i < READ.length; i++) {
            if (is(in, from, length, READ[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the request at the buffer's position, leaving the buffer as it was. */
    static Parsed parse(ByteBuffer in) {
        int start = in.position();
        int limit = in.limit();
        int lineEnd = lineEnd(in, start, limit);
        if (lineEnd < 0) {
            return lineEnd == -1 ? INCOMPLETE : OTHER;
        }
        boolean head;
        int target;
        if (startsWith(in, start, lineEnd, GET)) {
            head = false;
            target = start + GET.length;
        } else if (startsWith(in, start, lineEnd, HEAD)) {
            head = true;
            target = start + HEAD.length;
        } else {
            return OTHER;
        }
        int targetEnd = lineEnd - VERSION.length;
        if (targetEnd <= target || !startsWith(in, targetEnd, lineEnd, VERSION)) {
            return OTHER;
        }
        int question = indexOf(in, target, targetEnd, (byte) '?');
        int pathEnd = question < 0 ? targetEnd : question;
        if (!isPath(in, target, pathEnd) || (question >= 0 && !all(in, question + 1, targetEnd, QUERY))) {
            return OTHER;
        }
        String path = ascii(in, target, pathEnd);
        String query = question < 0 ? null : ascii(in, question + 1, targetEnd);

        String[] values = new String[READ.length];
        boolean host = false;
        int line = lineEnd + 2;
        while (true) {
            int end = lineEnd(in, line, limit);
            if (end < 0) {
                return end == -1 ? INCOMPLETE : OTHER;
            }
            if (end == line) {
                if (!host) {
                    return OTHER;
                }
                return new Parsed.Get(
                        end + 2 - start,
                        head,
                        path,
                        query,
                        values[ACCEPT_ENCODING],
                        values[IF_NONE_MATCH],
                        values[IF_MODIFIED_SINCE],
                        values[AUTHORIZATION],
                        values[FORWARDED_PROTO]);
            }
            int colon = indexOf(in, line, end, (byte) ':');
            if (colon <= line || !all(in, line, colon, TOKEN)) {
                // No name, whitespace before the colon, or a line folded onto the one before.
                return OTHER;
            }
            int valueStart = colon + 1;
            int valueEnd = end;
            while (valueStart < valueEnd && isBlank(in.get(valueStart))) {
                valueStart++;
            }
            while (valueEnd > valueStart && isBlank(in.get(valueEnd - 1))) {
                valueEnd--;
            }
            if (!isFieldValue(in, valueStart, valueEnd)) {
                return OTHER;
            }
            int nameLength = colon - line;
            int slot = slot(in, line, nameLength);
            if (slot >= 0) {
                if (values[slot] != null) {
                    return OTHER;
                }
                values[slot] = ascii(in, valueStart, valueEnd);
            } else if (is(in, line, nameLength, "host")) {
                if (host || !isHost(in, valueStart, valueEnd)) {
                    return OTHER;
                }
                host = true;
            } else if (is(in, line, nameLength, "connection")) {
                // Persistence as HTTP/1.1 has it by default; "close" or an upgrade is Jetty's to handle.
                if (!is(in, valueStart, valueEnd - valueStart, "keep-alive")) {
                    return OTHER;
                }
            } else if (is(in, line, nameLength, "content-length")
                    || is(in, line, nameLength, "transfer-encoding")
                    || is(in, line, nameLength, "expect")
                    || is(in, line, nameLength, "upgrade")) {
                // A body, or a change of protocol: where this request ends is for Jetty to judge.
                return OTHER;
            }
            line = end + 2;
        }
    }

    /**
     * Where the line from {@code from} ends (the index of its CR), -1 when its end is not in
     * the buffer yet, or -2 when it ends in a bare LF or holds a lone CR, which only Jetty judges.
     */
    private static int lineEnd(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte b = in.get(i);
            if (b == '\n') {
                return -2;
            }
            if (b == '\r') {
                if (i + 1 == limit) {
                    return -1;
                }
                return in.get(i + 1) == '\n' ? i : -2;
            }
        }
        return -1;
    }

    /** An absolute path without empty, "." or ".." segments: one Jetty takes exactly as written. */
    private static boolean isPath(ByteBuffer in, int from, int to) {
        if (from == to || in.get(from) != '/' || !all(in, from, to, PATH)) {
            return false;
        }
        int segment = from + 1;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || in.get(i) == '/') {
                int length = i - segment;
                boolean last = i == to;
                if ((length == 0 && !last)
                        || (length == 1 && in.get(segment) == '.')
                        || (length == 2 && in.get(segment) == '.' && in.get(segment + 1) == '.')) {
                    return false;
                }
                segment = i + 1;
            }
        }
        return true;
    }

    /** A host name or IPv4 address with an optional port, the forms a browser sends. */
    private static boolean isHost(ByteBuffer in, int from, int to) {
        int colon = indexOf(in, from, to, (byte) ':');
        int nameEnd = colon < 0 ? to : colon;
        if (nameEnd == from || !all(in, from, nameEnd, HOST)) {
            return false;
        }
        if (colon < 0) {
            return true;
        }
        int digits = to - colon - 1;
        if (digits < 1 || digits > 5) {
            return false;
        }
        int port = 0;
        for (int i = colon + 1; i < to; i++) {
            byte b = in.get(i);
            if (b < '0' || b > '9') {
                return false;
            }
            port = port * 10 + (b - '0');
        }
        return port <= 65535;
    }

    /** Visible ASCII, spaces and tabs: no control character and nothing Jetty would decode. */
    private static boolean isFieldValue(ByteBuffer in, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            if (!(b == '\t' || (b >= ' ' && b < 127))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean all(ByteBuffer in, int from, int to, boolean[] allowed) {
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            if (b < 0 || !allowed[b]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the field name at {@code from} is {@code lowerCase}, in any case. */
    private static boolean is(ByteBuffer in, int from, int length, String lowerCase) {
        if (length != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = in.get(from + i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(ByteBuffer in, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (in.get(from + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ByteBuffer in, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (in.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
