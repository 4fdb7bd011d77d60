package dev.mamori.console.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void rowsAreReadByColumnNameAfterTheByteOrderMark() {
        String csv = "\uFEFFrequest_id,received_at,answered_by_due_date\r\n"
                + "a,2026-11-03T01:00:00Z,true\r\n"
                + "b,2026-11-04T01:00:00Z,\r\n";
        List<Map<String, String>> rows = CsvRows.parse(csv);
        assertEquals(2, rows.size());
        assertEquals("true", rows.get(0).get("answered_by_due_date"));
        assertEquals("2026-11-03T01:00:00Z", rows.get(0).get("received_at"));
        assertEquals("", rows.get(1).get("answered_by_due_date"));
    }

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
        String csv = "subject_ref,reason\n\"cust-1\",\"said \"\"stop\"\", then, later\nagain\"\n";
        List<Map<String, String>> rows = CsvRows.parse(csv);
        assertEquals(1, rows.size());
        assertEquals("said \"stop\", then, later\nagain", rows.get(0).get("reason"));
    }

    @Test
    void anEmptyExportHasNoRows() {
        assertEquals(List.of(), CsvRows.parse(""));
        assertEquals(List.of(), CsvRows.parse("\uFEFFsubject_ref,allowed\r\n"));
    }
}
