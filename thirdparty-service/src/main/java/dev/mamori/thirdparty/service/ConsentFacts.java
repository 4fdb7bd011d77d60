package dev.mamori.thirdparty.service;

import dev.mamori.thirdparty.client.ConsentDecisions;
import dev.mamori.thirdparty.client.ConsentPurpose;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What consent-service said about a provision's purpose and principals, gathered before the provision's
 * transaction starts (no database connection is held while another service is called). Whether the answer is
 * needed at all is decided later, from the recipient's legal basis.
 *
 * @param purposeCode  the purpose named in the request, or null
 * @param purpose      the purpose, or null when none was named or consent-service does not know it
 * @param decisions    per principal, when the purpose is known
 * @param unavailable  why consent-service could not answer, or null
 * @param rejected     the status consent-service refused the call with (a 4xx), or null
 */
public record ConsentFacts(
        String purposeCode,
        ConsentPurpose purpose,
        Map<String, ConsentDecisions.Decision> decisions,
        String unavailable,
        Integer rejected) {

    public static final ConsentFacts NONE = new ConsentFacts(null, null, Map.of(), null, null);

    static ConsentFacts unknownPurpose(String code) {
        return new ConsentFacts(code, null, Map.of(), null, null);
    }

    static ConsentFacts of(String code, ConsentPurpose purpose, List<ConsentDecisions.Decision> decisions) {
        return new ConsentFacts(
                code,
                purpose,
                decisions.stream()
                        .collect(Collectors.toMap(ConsentDecisions.Decision::subjectRef, d -> d, (a, b) -> a)),
                null,
                null);
    }

    static ConsentFacts unavailable(String code, String why) {
        return new ConsentFacts(code, null, Map.of(), why, null);
    }

    static ConsentFacts rejected(String code, int status) {
        return new ConsentFacts(code, null, Map.of(), null, status);
    }

    boolean purposeNamed() {
        return purposeCode != null;
    }
}
