package dev.mamori.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.console.web.Csrf;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsrfTest {

    private final Csrf csrf = new Csrf(Optional.of("a key shared by the replicas"));

    @Test
    void aFormFromThisSignInIsAccepted() {
        String token = csrf.token("officer.a|session-1");
        assertTrue(csrf.valid("officer.a|session-1", token));
        assertEquals(token, new Csrf(Optional.of("a key shared by the replicas")).token("officer.a|session-1"));
    }

    @Test
    void aFormFromAnEarlierSignInIsStale() {
        assertFalse(csrf.valid("officer.a|session-2", csrf.token("officer.a|session-1")));
    }

    @Test
    void anotherPersonsTokenOrAGuessIsRefused() {
        assertFalse(csrf.valid("operator.a|session-1", csrf.token("officer.a|session-1")));
        assertFalse(csrf.valid("officer.a|session-1", "forged"));
        assertFalse(csrf.valid("officer.a|session-1", null));
        assertFalse(csrf.valid("officer.a|session-1", new Csrf(Optional.empty()).token("officer.a|session-1")));
    }
}
