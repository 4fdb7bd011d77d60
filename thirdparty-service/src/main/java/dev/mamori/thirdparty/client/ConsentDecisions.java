package dev.mamori.thirdparty.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** consent-service's answer to "may we use these persons' data for this purpose?", in the order asked. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentDecisions(List<Decision> decisions) {

    /** At most this many checks per call to consent-service. */
    public static final int MAX_BATCH = 1000;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(
            String subjectRef,
            String purpose,
            boolean allowed,
            String reason,
            int purposeVersion,
            Integer consentedVersion,
            String message) {

        /** The version the person consented on; the version in force when consent-service names none. */
        public int versionConsentedOn() {
            return consentedVersion != null ? consentedVersion : purposeVersion;
        }
    }

    public record Check(String subjectRef, String purpose) {}

    public record Batch(List<Check> checks) {}
}
