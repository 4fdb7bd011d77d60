package dev.mamori.thirdparty.client;

import dev.mamori.platform.problem.ProblemException;

/**
 * consent-service could not answer (down, too slow, failing, or its circuit is open). Nothing that needs its
 * answer goes ahead: a provision without a confirmed consent is refused, never guessed (APPI Art. 27(1)).
 */
public class ConsentUnavailable extends ProblemException {

    public ConsentUnavailable(String why) {
        super(
                503,
                "consent-service-unavailable",
                "consent-service is unavailable",
                "The consent of the principals could not be confirmed (" + why + "); nothing was recorded. "
                        + "Try again later.",
                null);
    }
}
