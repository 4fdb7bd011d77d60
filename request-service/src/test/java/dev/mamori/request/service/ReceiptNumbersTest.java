package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptNumbersTest {

    @Test
    void shouldDrawReadableNumbersWithoutCharactersThatAreMisread() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String receipt = ReceiptNumbers.next();
            assertTrue(receipt.matches("R-[A-Z2-9]{4}-[A-Z2-9]{4}"), receipt);
            assertFalse(receipt.substring(2).matches(".*[01OIL].*"), receipt);
            assertTrue(ReceiptNumbers.valid(receipt), receipt);
            seen.add(receipt);
        }
        // Random, not counted: a thousand draws do not repeat (a sequence would, or would share a prefix).
        assertTrue(seen.size() == 1000);
        assertTrue(seen.stream().map(r -> r.substring(0, 4)).distinct().count() > 100);
    }

    @Test
    void shouldTellAReceiptNumberFromOtherText() {
        assertFalse(ReceiptNumbers.valid("R-0000-0000"));
        assertFalse(ReceiptNumbers.valid("r-abcd-efgh"));
        assertFalse(ReceiptNumbers.valid("R-ABCD-EFG"));
        assertFalse(ReceiptNumbers.valid(null));
    }
}
