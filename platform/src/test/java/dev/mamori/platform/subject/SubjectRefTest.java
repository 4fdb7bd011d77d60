package dev.mamori.platform.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SubjectRefTest {

    @Test
    void keys_client_companies_use_are_refs() {
        for (String ref : new String[] {
            "cust-000123", "顧客-001", "ヤマダ・タロウ", "user@example.jp", "a.b_c:d+e=f~g", "Ｃ００１", "x".repeat(128), "会員ー1"
        }) {
            assertTrue(SubjectRef.isValid(ref), ref);
        }
    }

    @Test
    void what_a_uri_would_read_differently_is_not() {
        for (String ref : new String[] {
            "",
            " a",
            "a b",
            "a/b",
            "a%2F",
            "a{b}",
            "a|b",
            "a^b",
            "a\\b",
            "a?b",
            "a#b",
            "-lead",
            "x".repeat(129),
            "a\u0000",
            "a\ud800",
            "\u3000a"
        }) {
            assertFalse(SubjectRef.isValid(ref), ref);
        }
    }

    @Test
    void a_ref_survives_a_round_trip_through_a_uri_path() {
        for (String ref : new String[] {"顧客-001", "a+b=c", "user@example.jp", "ヤマダ・タロウ"}) {
            URI uri = URI.create("http://localhost/v1/subjects/" + SubjectRef.pathSegment(ref) + "/consents");
            assertEquals("/v1/subjects/" + ref + "/consents", uri.getPath());
        }
    }
}
