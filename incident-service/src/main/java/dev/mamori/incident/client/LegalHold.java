package dev.mamori.incident.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** A legal hold in retention-service, as far as an incident needs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegalHold(UUID id, String categoryCode) {

    /** What retention-service's POST /v1/legal-holds takes for a hold on a whole category. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String categoryCode, String reason) {}
}
