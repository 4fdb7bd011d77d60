package dev.mamori.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 {@code application/problem+json}.
 *
 * <p>Quarkus enforces that limit in a Vert.x route (order -2) and in its body stream, both of which write a bare 413
 * before any JAX-RS mapper can run, so {@link ProblemMapper} never sees it. This route runs just before Quarkus's
 * (order -3) and refuses the body itself: at once when {@code Content-Length} is over the limit, and for a chunked
 * body (no length announced) by reading it through a bounded body handler, which JAX-RS then reuses, and mapping
 * its 413 failure here.
 */
@ApplicationScoped
public class PayloadLimit {

    static final String TYPE = Problem.type("payload-too-large");
    /** Before Quarkus's own check ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}, -2). */
    private static final int ORDER = -3;

    private final long limit;
    private final ObjectMapper json;

    public PayloadLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<String> maxBodySize,
            ObjectMapper json) {
        this.json = json;
        this.limit = maxBodySize
                .map(size -> new MemorySizeConverter().convert(size).asLongValue())
                .orElse(-1L);
    }

    /**
     * The longest request target answered: Vert.x's own line limit is set far above it
     * ({@code quarkus.http.limits.max-initial-line-length}), so that a long URI reaches this route and gets a 414
     * problem+json instead of the codec's bare 414.
     */
    static final int MAX_URI_LENGTH = 8192;
    /** How much of a refused body is read and dropped before the connection is closed. */
    static final long DRAIN_BYTES = 64L * 1024 * 1024;

    static final long DRAIN_MILLIS = 10_000;

    void register(@Observes Router router) {
        router.route().order(ORDER - 1).handler(context -> {
            if (context.request().uri().length() > MAX_URI_LENGTH) {
                Problem problem = new Problem(
                        Problem.type("uri-too-long"),
                        "URI too long",
                        414,
                        "The request target is longer than " + MAX_URI_LENGTH + " characters",
                        null,
                        null);
                String language = language(context);
                context.response()
                        .setStatusCode(414)
                        .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaderNames.CONTENT_LANGUAGE, language)
                        .end(encode(ProblemLanguage.localize(problem, language)));
            } else {
                context.next();
            }
        });
        if (limit < 0) {
            return;
        }
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit).setPreallocateBodyBuffer(false);
        router.route()
                .order(ORDER)
                .handler(context -> {
                    String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
                    if (length != null) {
                        if (overLimit(length)) {
                            refuse(context);
                        } else {
                            context.next();
                        }
                    } else if (context.request().getHeader(HttpHeaderNames.TRANSFER_ENCODING) != null) {
                        chunked.handle(context);
                    } else {
                        context.next();
                    }
                })
                .failureHandler(context -> {
                    if (context.statusCode() == 413 && !context.response().headWritten()) {
                        refuse(context);
                    } else {
                        context.next();
                    }
                });
    }

    private boolean overLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            // Not a number: Vert.x's HTTP codec refuses such a request as 400 before it reaches any route.
            return false;
        }
    }

    private void refuse(RoutingContext context) {
        Problem problem = new Problem(
                TYPE,
                "Payload too large",
                413,
                "The request body is larger than the limit of " + limit + " bytes",
                context.request().path(),
                null);
        HttpServerRequest request = context.request();
        String language = language(context);
        io.vertx.core.Future<Void> answered = context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONTENT_LANGUAGE, language)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(encode(ProblemLanguage.localize(problem, language)));
        if (request.isEnded()) {
            answered.onComplete(done -> request.connection().close());
            return;
        }
        // Closing with the body unread makes the kernel reset the connection, and a reset can discard the 413 before
        // the caller reads it. So the rest of the body is read and dropped, within a bound, and only then is the
        // connection closed: at the body's end, after DRAIN_BYTES more, or after DRAIN_MILLIS, whichever is first.
        AtomicLong drained = new AtomicLong();
        Runnable close = () -> answered.onComplete(done -> request.connection().close());
        long timer = context.vertx().setTimer(DRAIN_MILLIS, id -> close.run());
        request.handler(buffer -> {
            if (drained.addAndGet(buffer.length()) > DRAIN_BYTES) {
                context.vertx().cancelTimer(timer);
                close.run();
            }
        });
        request.endHandler(end -> {
            context.vertx().cancelTimer(timer);
            close.run();
        });
        request.exceptionHandler(failure -> context.vertx().cancelTimer(timer));
        request.resume();
    }

    private static String language(RoutingContext context) {
        return ProblemLanguage.choose(context.request().getHeader(HttpHeaderNames.ACCEPT_LANGUAGE));
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document is always serialisable", e);
        }
    }
}
