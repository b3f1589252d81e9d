package org.lede.web.support;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lede.common.BadRequestException;
import org.lede.common.BadRequestException.FieldError;
import org.lede.common.LedeException;
import org.lede.common.UnauthorizedException;
import org.lede.common.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become answers. A {@link LedeException} carries its own status; a
 * Javalin response exception carries its own too; anything else is a bug, logged with its stack
 * trace and answered 500. Readers get the styled page, API clients an RFC 9457 problem document.
 * Forms that show their own errors read the same status from the exception. A problem document
 * lists the wrong fields in {@code errors}, each {@code {field, detail}}.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    /** RFC 9457's media type, with the charset every text type here says. */
    public static final String PROBLEM_JSON = "application/problem+json;charset=utf-8";

    private final HtmlErrorRenderer html;
    private final Function<String, Optional<String>> movedTo;

    /** Draws the styled error page of the reader site. */
    public interface HtmlErrorRenderer {
        String render(Context ctx, int status, String title, String message);
    }

    public ErrorPages(HtmlErrorRenderer html) {
        this(html, path -> Optional.empty());
    }

    /**
     * @param movedTo where an address of the site the newsroom came from (a path, or a path with its
     *     query) lives now, asked only for reader GETs about to be answered 404 and for the home
     *     page's address with a query
     */
    public ErrorPages(HtmlErrorRenderer html, Function<String, Optional<String>> movedTo) {
        this.html = html;
        this.movedTo = movedTo;
    }

    public void register(RoutesConfig routes) {
        // The old site's home page answered its posts by query (WordPress's /?p=42), and our home
        // route answers that path, so an old address there is looked up before the home page is.
        routes.before("/", ctx -> {
            if (ctx.queryString() != null && redirectedFromOldAddress(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
        routes.exception(LedeException.class, (e, ctx) -> {
            if (e.status() >= 500) {
                // Our data or our code is wrong, not the request: the operator needs the details, the client does not.
                LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
            }
            if (e instanceof UnauthorizedException u) {
                ctx.header("WWW-Authenticate", u.challenge());
            }
            respond(
                    ctx,
                    e.status(),
                    title(e.status()),
                    message(e.status(), e.getMessage()),
                    fieldErrors(e),
                    e instanceof ProblemException p ? p.extensions() : Map.of());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                // Javalin's only detail on a 405 is the list of methods the path answers (named for HTML or JSON).
                e.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
            }
            respond(
                    ctx,
                    e.getStatus(),
                    title(e.getStatus()),
                    message(e.getStatus(), e.getMessage()),
                    List.of(),
                    Map.of());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, title(500), message(500, null), List.of(), Map.of());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, title(404), message(404, null), List.of(), Map.of());
            }
        });
    }

    /** Sends a reader's request for an address of the old site on to where its story lives now; true when it did. */
    private boolean redirectedFromOldAddress(Context ctx) {
        String method = ctx.method().name();
        String path = ctx.path();
        if (!(method.equals("GET") || method.equals("HEAD"))
                || path.startsWith("/newsroom")
                || path.startsWith("/api/")) {
            return false;
        }
        String query = ctx.queryString();
        // An old address with its query (/?p=42) names an item by it; else the query is the reader's own.
        Optional<String> byQuery = query == null ? Optional.empty() : movedTo.apply(path + "?" + query);
        if (byQuery.isPresent()) {
            ctx.status(HttpStatus.MOVED_PERMANENTLY);
            ctx.header("Location", byQuery.get());
            return true;
        }
        Optional<String> url = movedTo.apply(path);
        if (url.isEmpty()) {
            return false;
        }
        // Set by hand: Javalin's redirect asks for the matched endpoint, and no route matched here.
        ctx.status(HttpStatus.MOVED_PERMANENTLY);
        ctx.header("Location", url.get() + (query == null ? "" : "?" + query));
        return true;
    }

    /** The fields a failure names, each with what is wrong with it; none when it is not about a field. */
    private static List<FieldError> fieldErrors(LedeException e) {
        return switch (e) {
            case BadRequestException b -> b.errors();
            case ValidationException v when v.field() != null -> List.of(new FieldError(v.field(), v.getMessage()));
            default -> List.of();
        };
    }

    private void respond(
            Context ctx,
            int status,
            String title,
            String message,
            List<FieldError> errors,
            Map<String, Object> extensions) {
        if (status == 404 && redirectedFromOldAddress(ctx)) {
            return;
        }
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        if (wantsJson(ctx)) {
            // RFC 9457: with the type about:blank, the title is the status code's own phrase.
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", reasonPhrase(status));
            problem.put("status", status);
            problem.put("detail", message);
            if (!errors.isEmpty()) {
                problem.put(
                        "errors",
                        errors.stream()
                                .map(f -> Map.of("field", f.field(), "detail", f.detail()))
                                .toList());
            }
            problem.putAll(extensions);
            ctx.contentType(PROBLEM_JSON).result(Json.write(problem));
        } else {
            ctx.contentType("text/html;charset=utf-8").result(html.render(ctx, status, title, message));
        }
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/")
                || (accept != null && accept.contains("json") && !accept.contains("html"));
    }

    /** The status code's phrase from RFC 9110, as RFC 9457 asks of an about:blank problem's title. */
    static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? title(status) : known.getMessage();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign in first";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 422 -> "Invalid input";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            case 500 -> "Something went wrong";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    static String message(int status, String detail) {
        if (status == 404) {
            return "There is no page at this address. It may have moved, or the link may be mistyped.";
        }
        if (status >= 500) {
            return "We could not show this page. The error has been logged; please try again in a moment.";
        }
        return detail == null || detail.isBlank() ? title(status) + "." : detail;
    }
}
