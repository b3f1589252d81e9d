package org.lede.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The contract check bites: an answer the document does not describe fails the test that got it. */
class ApiContractTest extends WebServerTest {
    @Test
    void pathTemplatesPreferLiteralSegments() {
        assertEquals("/api/v1/stories/slug/{slug}", ApiContract.template("/api/v1/stories/slug/tram-line"));
        assertEquals("/api/v1/stories/{id}", ApiContract.template("/api/v1/stories/01ARZ3NDEKTSV4RRFFQ69G5FAV"));
        assertNull(ApiContract.template("/api/v1/nothing"));
    }

    @Test
    void undescribedPathsAndMethodsFail() {
        assertThrows(AssertionError.class, () -> web.get("/api/v1/nothing"));
        assertThrows(
                AssertionError.class,
                () -> web.send(HttpRequest.newBuilder(web.uri("/api/v1/topics")).DELETE()));
    }

    @Test
    void undescribedStatusesTypesAndBodiesFail() {
        HttpRequest topics =
                HttpRequest.newBuilder(web.uri("/api/v1/topics")).GET().build();
        ApiContract.check(topics, answer(200, "application/json", "{\"items\":[]}"));
        assertThrows(AssertionError.class, () -> ApiContract.check(topics, answer(418, "application/json", "{}")));
        assertThrows(
                AssertionError.class,
                () -> ApiContract.check(topics, answer(200, "text/html;charset=utf-8", "{\"items\":[]}")));
        assertThrows(
                AssertionError.class,
                () -> ApiContract.check(
                        topics, answer(200, "application/json", "{\"items\":[{\"slug\":\"Not A Slug\"}]}")));
        assertThrows(
                AssertionError.class,
                () -> ApiContract.check(topics, answer(404, "application/problem+json", "{\"status\":404}")));
    }

    private static HttpResponse<String> answer(int status, String contentType, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return null;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
