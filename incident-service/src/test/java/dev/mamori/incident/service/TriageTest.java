package dev.mamori.incident.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.incident.ReportableCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PPC Rule 7: the four reportable cases, the encryption exemption and the officer's override. */
class TriageTest {

    private static Triage.Result assess(
            boolean sensitive, boolean financial, boolean unlawful, int persons, boolean encrypted) {
        return Triage.assess(new Triage.Facts(sensitive, financial, unlawful, persons, encrypted, null, null));
    }

    @Test
    void sensitiveDataOfOnePersonIsReportable() {
        Triage.Result r = assess(true, false, false, 1, false);
        assertTrue(r.reportable());
        assertEquals(List.of(ReportableCase.SENSITIVE), r.cases());
        assertTrue(r.reasons().get(0).ja().contains("施行規則第7条第1号"));
        assertTrue(r.reasons().get(0).en().contains("Rule 7(i)"));
    }

    @Test
    void financialHarmDataIsReportable() {
        assertEquals(
                List.of(ReportableCase.FINANCIAL_HARM),
                assess(false, true, false, 3, false).cases());
    }

    @Test
    void aSuspectedUnlawfulPurposeIsReportableAndLengthensTheFinalReport() {
        Triage.Result r = assess(false, false, true, 1, false);
        assertTrue(r.reportable());
        assertTrue(r.unlawfulPurpose());
    }

    @Test
    void exactlyOneThousandPersonsIsNotReportableButOneMoreIs() {
        assertFalse(assess(false, false, false, 1000, false).reportable());
        Triage.Result over = assess(false, false, false, 1001, false);
        assertTrue(over.reportable());
        assertEquals(List.of(ReportableCase.OVER_1000_PERSONS), over.cases());
    }

    @Test
    void noCaseIsNotReportableAndSaysSo() {
        Triage.Result r = assess(false, false, false, 12, false);
        assertFalse(r.reportable());
        assertTrue(r.cases().isEmpty());
        assertTrue(r.reasons().get(0).ja().contains("いずれにも該当しない"));
    }

    @Test
    void strongEncryptionWithTheKeySafeExemptsButTheCasesStayVisible() {
        Triage.Result r = assess(true, false, false, 5000, true);
        assertFalse(r.reportable());
        assertFalse(r.byRules());
        assertEquals(List.of(ReportableCase.SENSITIVE, ReportableCase.OVER_1000_PERSONS), r.cases());
        assertTrue(r.reasons().get(r.reasons().size() - 1).ja().contains("高度な暗号化"));
    }

    @Test
    void theOfficersOverrideWinsAndItsReasonIsShown() {
        Triage.Result down = Triage.assess(new Triage.Facts(false, false, false, 2000, false, false, "重複計上を除くと800人"));
        assertFalse(down.reportable());
        assertTrue(down.byRules());
        assertTrue(down.reasons().get(down.reasons().size() - 1).ja().contains("重複計上を除くと800人"));

        Triage.Result up = Triage.assess(new Triage.Facts(false, false, false, 10, false, true, "委託元の要請"));
        assertTrue(up.reportable());
        assertFalse(up.byRules());
    }
}
