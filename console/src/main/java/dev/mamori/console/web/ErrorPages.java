package dev.mamori.console.web;

import dev.mamori.console.client.ServiceProblem;
import dev.mamori.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The pages shown when the console refuses a form or a service refuses a call, in the person's language. */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(int status, String message, String detail);
    }

    private final Staff staff;

    public ErrorPages(Staff staff) {
        this.staff = staff;
    }

    /** A forged or stale form, or an action the person's role lacks: nothing was sent to any service. */
    @ServerExceptionMapper
    public Response refused(Refused refused) {
        return page(403, Messages.get(staff.locale(), refused.messageKey()), "");
    }

    /** A service's refusal of a page's read (not found, not allowed): its status and detail, in a page. */
    @ServerExceptionMapper
    public Response serviceRefused(WebApplicationException e) {
        ServiceProblem problem = ServiceProblem.of(e);
        int status = problem.status() >= 500 ? 502 : problem.status();
        String key = "error.status." + (status == 404 || status == 403 || status == 401 ? status : "other");
        return page(status, Messages.get(staff.locale(), key), problem.detail() == null ? "" : problem.detail());
    }

    private Response page(int status, String message, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.refused(status, message, detail).render())
                .build();
    }
}
