package dev.mamori.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mamori.thirdparty.service.RecordRetention;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The retention end of a record, by method (APPI Art. 30(4); PPC Rule 25; Civil Code Arts. 140, 143). */
class RecordRetentionTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shouldKeepAContractSubstituteRecordForOneYearCountingTheDayOfTheLastReceipt() {
        assertEquals(
                d("2026-03-31"),
                RecordRetention.retainUntil(RecordMethod.CONTRACT_SUBSTITUTE, d("2025-06-10"), d("2025-04-01")));
    }

    @Test
    void shouldKeepABulkRecordForThreeYearsCountingTheDayOfTheLastReceipt() {
        assertEquals(d("2028-03-31"), RecordRetention.retainUntil(RecordMethod.BULK, d("2025-06-10"), d("2025-04-01")));
    }

    @Test
    void shouldKeepARecordMadeEachTimeForThreeYearsFromTheDayAfterItWasMade() {
        assertEquals(d("2028-06-10"), RecordRetention.retainUntil(RecordMethod.EACH, d("2025-06-10"), null));
    }

    @Test
    void shouldEndAtTheMonthsEndWhenTheCorrespondingDayDoesNotExist() {
        // Counted from 29 Feb 2024: 2025 has no 29 Feb, so the year ends on the last day of February.
        assertEquals(
                d("2025-02-28"),
                RecordRetention.retainUntil(RecordMethod.CONTRACT_SUBSTITUTE, d("2024-03-01"), d("2024-02-29")));
        assertEquals(d("2027-02-28"), RecordRetention.retainUntil(RecordMethod.BULK, d("2024-03-01"), d("2024-02-29")));
        // Made on 29 Feb 2024: the period starts on 1 March and ends the day before 1 March 2027.
        assertEquals(d("2027-02-28"), RecordRetention.retainUntil(RecordMethod.EACH, d("2024-02-29"), null));
        // Counted from 1 March 2023: ends the day before 1 March 2024, a leap year.
        assertEquals(
                d("2024-02-29"),
                RecordRetention.retainUntil(RecordMethod.CONTRACT_SUBSTITUTE, d("2023-06-01"), d("2023-03-01")));
    }
}
