package dev.mamori.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts every problem answer of a service in the caller's language ({@link ProblemLanguage}) and says which
 * ({@code Content-Language}, {@code Vary: Accept-Language}). The type never changes with the language.
 */
public class ProblemLanguageFilter {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !PROBLEM.isCompatible(type)) {
            return;
        }
        String language = ProblemLanguage.choose(request.getAcceptableLanguages());
        Object entity = response.getEntity();
        if (entity instanceof Problem problem) {
            response.setEntity(ProblemLanguage.localize(problem, language));
        } else if (entity instanceof Map<?, ?> body) {
            response.setEntity(ProblemLanguage.localize(body, language));
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language);
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
