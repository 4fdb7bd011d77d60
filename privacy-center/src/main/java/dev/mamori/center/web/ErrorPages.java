package dev.mamori.center.web;

import dev.mamori.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The pages shown when there is no such page (a plain 404, which says nothing of whether a company exists behind an
 * id) or a service did not answer (503: the reader may try later; the cause stays in the log, not on the page).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(int status, String message);

        static native TemplateInstance refused(int status, String message, String back);
    }

    private final Visitor visitor;

    public ErrorPages(Visitor visitor) {
        this.visitor = visitor;
    }

    /** A form not acted on (its token, or too many posts): why, in the reader's language, and where to go on. */
    @ServerExceptionMapper
    public Response refusedForm(Refused e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(e.status(), Messages.get(visitor.locale(), e.messageKey()), e.back())
                        .render());
        if (e instanceof dev.mamori.center.service.AbuseLimits.TooMany tooMany) {
            response.header("Retry-After", Math.max(1, (tooMany.retryAfter().toMillis() + 999) / 1000));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        // The privacy center's own 404s, and a service's 404, are "no such page"; anything else from a service
        // (its 401/403/5xx) is the suite's fault, not the reader's.
        if (status == 404) {
            return page(404, "error.not-found");
        }
        LOG.warnf("A service refused the privacy center (%d): %s", status, e.getMessage());
        return page(503, "error.unavailable");
    }

    @ServerExceptionMapper
    public Response failed(jakarta.ws.rs.ProcessingException e) {
        LOG.warnf("A service did not answer the privacy center: %s", e.getMessage());
        return page(503, "error.unavailable");
    }

    /** Anything else (an answer that could not be read, a fault here): logged, and a plain page without details. */
    @ServerExceptionMapper
    public Response broken(RuntimeException e) {
        LOG.error("The privacy center could not show a page", e);
        return page(503, "error.unavailable");
    }

    private Response page(int status, String key) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.problem(status, Messages.get(visitor.locale(), key))
                        .render())
                .build();
    }
}
