package org.lede.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The APIs described: the OpenAPI 3.1 document and the JSON Schemas of the story document and of
 * the export document ({@code lede export}), served as
 * the files they are in the jar, with a strong validator so clients and code generators can
 * check for a new version cheaply.
 *
 * <p>The OpenAPI document goes out as {@code application/json}: the OpenAPI specification says a
 * JSON document is JSON, and the tools that fetch one by address (Swagger UI, Redocly, code
 * generators, a browser) all read that type, while the registered
 * {@code application/vnd.oai.openapi+json} is still unknown to many of them. The schema goes out
 * as {@code application/schema+json}, the type JSON Schema 2020-12 registers for itself.
 */
public final class ApiDocRoutes {
    public static final String OPENAPI = "/api/openapi.json";
    public static final String STORY_SCHEMA = "/api/schema/story.json";
    public static final String EXPORT_SCHEMA = "/api/schema/export.json";
    private final Document openApi = Document.load("openapi.json", "application/json;charset=utf-8");
    private final Document storySchema = Document.load("schema/story.json", "application/schema+json;charset=utf-8");
    private final Document exportSchema = Document.load("schema/export.json", "application/schema+json;charset=utf-8");

    public void register(RoutesConfig routes) {
        routes.get(OPENAPI, ctx -> openApi.send(ctx));
        routes.get(STORY_SCHEMA, ctx -> storySchema.send(ctx));
        routes.options(OPENAPI, Cors::preflight);
        routes.options(STORY_SCHEMA, Cors::preflight);
        routes.get(EXPORT_SCHEMA, ctx -> exportSchema.send(ctx));
        routes.options(EXPORT_SCHEMA, Cors::preflight);
    }

    private record Document(byte[] bytes, String contentType, String etag) {
        static Document load(String resource, String contentType) {
            try (InputStream in = ApiDocRoutes.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The jar lacks org/lede/web/api/" + resource);
                }
                byte[] bytes = in.readAllBytes();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Document(bytes, contentType, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-256", e);
            }
        }

        void send(Context ctx) {
            Cors.allow(ctx);
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.header("ETag", etag);
            String ifNoneMatch = ctx.header("If-None-Match");
            if (ifNoneMatch != null && matches(ifNoneMatch)) {
                ctx.status(304);
                return;
            }
            ctx.contentType(contentType).result(bytes);
        }

        /** RFC 9110 section 13.1.2: a weak comparison, over a list of tags or "*". */
        private boolean matches(String ifNoneMatch) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
    }
}
