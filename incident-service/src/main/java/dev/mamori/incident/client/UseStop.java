package dev.mamori.incident.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** A use stop in consent-service, as far as an incident needs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UseStop(UUID id, String subjectRef) {

    /**
     * What consent-service's POST /v1/subjects/{subjectRef}/use-stops takes; no purposes stops every purpose. The
     * ground is one of consent-service's (APPI Art. 35).
     */
    public record Request(List<String> purposes, String requestRef, String ground) {}
}
