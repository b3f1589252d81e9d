package org.lede.web.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.user.User;
import org.lede.web.WebTestServer;

/** An admin API client holding one member's personal token, made as the newsroom makes them. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    final WebTestServer web;
    final User user;
    final String token;

    private ApiClient(WebTestServer web, User user, String token) {
        this.web = web;
        this.user = user;
        this.token = token;
    }

    static ApiClient as(WebTestServer web, Role role) {
        int n = COUNTER.incrementAndGet();
        User user = web.newsroom
                .services
                .userService()
                .create(
                        Actor.SYSTEM,
                        role.key() + n + "@api.test",
                        "Api " + role.key() + " " + n,
                        role,
                        "correct horse battery staple");
        String token = web.newsroom
                .services
                .apiTokenService()
                .create(user.actor(), user.id(), "Test script")
                .secret();
        return new ApiClient(web, user, token);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(web.uri("/api/admin/v1" + path)).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String path) {
        return web.send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return web.send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return web.send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The JSON of an answer that must have this status. */
    static JsonNode json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertEquals(
                status >= 400 ? "application/problem+json;charset=utf-8" : "application/json;charset=utf-8",
                type,
                response.body());
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a JSON document from alternating names and values (strings, numbers, nodes or nested objects). */
    static String object(Object... pairs) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return node.toString();
    }

    static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 40, seed % 30, 0xFFFFFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
