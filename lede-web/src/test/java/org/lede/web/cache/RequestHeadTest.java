package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which request heads the cached-page connection reads itself, and what it reads from them. */
class RequestHeadTest {
    private static RequestHead.Parsed parse(String text) {
        return RequestHead.parse(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static RequestHead.Parsed.Get get(String text) {
        return assertInstanceOf(RequestHead.Parsed.Get.class, parse(text));
    }

    @Test
    void aBrowsersGetIsReadWithTheHeadersTheCacheAnswersBy() {
        String head = "GET /2026/11/20/ferry-fares?page=2&utm_source=x HTTP/1.1\r\n"
                + "Host: news.example:8080\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\n"
                + "accept-encoding:  gzip, br \r\n"
                + "If-None-Match: W/\"1-a\"\r\n"
                + "IF-MODIFIED-SINCE: Wed, 02 Dec 2026 04:05:06 GMT\r\n"
                + "Authorization: Bearer abc\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "Connection: Keep-Alive\r\n"
                + "\r\n";
        var get = get(head + "GET / HTTP/1.1\r\n");
        assertEquals(head.length(), get.length());
        assertFalse(get.head());
        assertEquals("/2026/11/20/ferry-fares", get.path());
        assertEquals("page=2&utm_source=x", get.query());
        assertEquals("gzip, br", get.acceptEncoding());
        assertEquals("W/\"1-a\"", get.ifNoneMatch());
        assertEquals("Wed, 02 Dec 2026 04:05:06 GMT", get.ifModifiedSince());
        assertEquals("Bearer abc", get.authorization());
        assertEquals("https", get.forwardedProto());
    }

    @Test
    void headersNotSentAreNullAndHeadIsRead() {
        var get = get("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertTrue(get.head());
        assertEquals("/", get.path());
        assertNull(get.query());
        assertNull(get.acceptEncoding());
        assertNull(get.ifNoneMatch());
        assertNull(get.ifModifiedSince());
        assertNull(get.authorization());
        assertNull(get.forwardedProto());
        assertEquals(28, get.length());
        assertEquals("", get("GET /topics/world? HTTP/1.1\r\nHost: a\r\n\r\n").query());
        assertEquals("/topics/", get("GET /topics/ HTTP/1.1\r\nHost: a\r\n\r\n").path());
    }

    @Test
    void readingStartsAtTheBuffersPositionAndLeavesItThere() {
        ByteBuffer buffer = ByteBuffer.wrap("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        var first = assertInstanceOf(RequestHead.Parsed.Get.class, RequestHead.parse(buffer));
        assertEquals(0, buffer.position());
        buffer.position(first.length());
        var second = assertInstanceOf(RequestHead.Parsed.Get.class, RequestHead.parse(buffer));
        assertEquals("/b", second.path());
        assertEquals(first.length(), buffer.position());
        assertEquals(first.length(), second.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "G",
                "GET / HTTP/1.1",
                "GET / HTTP/1.1\r",
                "GET / HTTP/1.1\r\n",
                "GET / HTTP/1.1\r\nHost: a",
                "GET / HTTP/1.1\r\nHost: a\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\n\r",
            })
    void aHeadNotYetWholeWaitsForMoreBytes(String text) {
        assertSame(RequestHead.INCOMPLETE, parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Other methods, versions and targets.
                "POST / HTTP/1.1\r\nHost: a\r\n\r\n",
                "get / HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET / HTTP/1.0\r\nHost: a\r\n\r\n",
                "GET / HTTP/1.10\r\nHost: a\r\n\r\n",
                "GET /  HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET * HTTP/1.1\r\nHost: a\r\n\r\n",
                // Paths Jetty would decode, cut or normalize.
                "GET /a%2Fb HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a;b=c HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET //a HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a//b HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /./a HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a/. HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a/../b HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a/.. HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a\"b HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a?b#c HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a?b\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n",
                // Line endings only Jetty judges.
                "GET / HTTP/1.1\nHost: a\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\n\n",
                "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n",
                // No Host, or one in doubt.
                "GET / HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: \r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a:\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a:65536\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a:123456\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: :80\r\n\r\n",
                // Bodies, upgrades and connection options.
                "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Upgrade\r\n\r\n",
                // Malformed fields.
                "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX-Name : b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\n: b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nno colon\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX(y): b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX: b\u0000c\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX: caf\u00e9\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX: b\u007fc\r\n\r\n",
                // A header the cache answers by, sent twice.
                "GET / HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: \"a\"\r\nIf-None-Match: \"b\"\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nIf-Modified-Since: x\r\nIf-Modified-Since: y\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nAuthorization: a\r\nAuthorization: b\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Proto: https\r\n\r\n",
            })
    void anythingInDoubtIsLeftToJetty(String text) {
        assertSame(RequestHead.OTHER, parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /a-b_c.d~e!$&'()*+,=:@ HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /.well-known/x HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /a/...b HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET /search?q=caf%C3%A9;x=/?y HTTP/1.1\r\nHost: a\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: news.example.org:65535\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a:9\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a:8080\r\n\r\n",
                "GET / HTTP/1.1\r\nhost:a\r\nX-Empty:\r\nX-Tab:\tb\tc\t\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\nX-Token!#$%&'*+-.^_`|~: b\r\n\r\n",
            })
    void unusualButUnambiguousRequestsAreReadHere(String text) {
        assertEquals(text.length(), get(text).length());
    }

    @Test
    void aHeaderLineWithWhitespaceOnlyBeforeItsValueKeepsTheValueWhole() {
        assertEquals(
                "a\tb",
                get("GET / HTTP/1.1\r\nHost: a\r\nAuthorization: \t a\tb \t\r\n\r\n")
                        .authorization());
    }
}
