package dev.mamori.center.web;

import dev.mamori.web.Language;
import dev.mamori.web.Messages;
import dev.mamori.web.PageHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A post larger than {@code quarkus.http.limits.max-body-size} (an identity document's photo far over the upload
 * limit) gets a page in the reader's language saying so, instead of Quarkus's bare 413: this route runs before
 * Quarkus's own check (order -2) and answers at once when the announced {@code Content-Length} is over the limit. The
 * rest of the body is read and dropped (bounded) before the connection is closed, so the browser shows the page
 * rather than a reset connection. Nothing reaches a service.
 */
@ApplicationScoped
public class BodyLimitPage {

    private static final int ORDER = -3;
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;
    private static final long DRAIN_MILLIS = 10_000;

    private final long limit;
    private final long maxFile;

    public BodyLimitPage(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<String> maxBodySize,
            CenterConfig config) {
        this.limit = maxBodySize
                .map(size -> new MemorySizeConverter().convert(size).asLongValue())
                .orElse(-1L);
        this.maxFile = config.uploads().maxBytes();
    }

    void register(@Observes Router router) {
        if (limit < 0) {
            return;
        }
        router.route()
                .order(ORDER)
                .handler(context -> {
                    String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
                    if (length != null && overLimit(length)) {
                        refuse(context);
                    } else {
                        context.next();
                    }
                })
                // A body sent without a length (chunked; browsers send the length of a form) is refused by Quarkus
                // as it arrives: if that reaches the router as a failure, the same page.
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
            return false;
        }
    }

    private void refuse(RoutingContext context) {
        HttpServerRequest request = context.request();
        Cookie lang = request.getCookie(Language.COOKIE);
        Locale locale = Language.of(lang == null ? null : lang.getValue());
        // Only the site's own texts and a number: nothing the request sent is written into the page.
        String title = Messages.get(locale, "error.refused-title");
        String message = Messages.format(locale, "upload.error.body-too-large", PageExtensions.bytes(maxFile));
        String page = "<!DOCTYPE html>\n<html lang=\"" + (locale == Locale.ENGLISH ? "en" : "ja") + "\">\n<head>\n"
                + "<meta charset=\"UTF-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n<link rel=\"stylesheet\" href=\"/static/center.css\">\n</head>\n"
                + "<body>\n<main>\n<h1 id=\"refused-title\">" + title + "</h1>\n<p id=\"problem\" role=\"alert\">"
                + message + "</p>\n</main>\n</body>\n</html>\n";
        var response = context.response();
        PageHeaders.putCommon(response::putHeader);
        io.vertx.core.Future<Void> answered = response.setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(PageHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.CSP)
                .putHeader("Cache-Control", "no-store")
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(page);
        if (request.isEnded()) {
            answered.onComplete(done -> request.connection().close());
            return;
        }
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
}
