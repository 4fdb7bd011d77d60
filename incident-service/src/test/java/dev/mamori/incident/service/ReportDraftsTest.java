package dev.mamori.incident.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mamori.incident.AffectedCategory;
import dev.mamori.incident.DataOwner;
import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentKind;
import dev.mamori.incident.IncidentNature;
import dev.mamori.incident.ReportStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report draft carries the nine items of PPC Rule 8(1), in Japanese, from the record. */
class ReportDraftsTest {

    private static Incident incident() {
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.tenantId = "tenant-a";
        i.nature = IncidentNature.LEAK;
        i.kind = IncidentKind.LOST_DEVICE;
        i.title = "ノートPCの紛失";
        i.summary = "営業担当がノートPCを電車内で紛失した。";
        i.discoveredAt = OffsetDateTime.parse("2026-04-02T10:00:00+09:00");
        i.discoveredHow = "本人の申告";
        i.handler = "佐藤";
        i.dataOwner = DataOwner.CLIENT;
        i.clientTenantId = "tenant-b";
        i.categories = List.of(
                new AffectedCategory("health", "健康相談記録", null, List.of("氏名", "病歴"), true, false),
                new AffectedCategory("contact", "連絡先", null, List.of("氏名", "電話番号"), false, false));
        i.personsCount = 1500;
        i.personsEstimated = true;
        i.subjectRefs = List.of();
        i.preliminaryDays = 3;
        i.cause = "端末の持ち出し規程違反";
        return i;
    }

    @Test
    void theNineItemsInOrderWithWhatTheRecordKnows() {
        ReportDraft d = ReportDrafts.draft(IncidentFile.of(incident(), List.of(), List.of()), ReportStage.PRELIMINARY);
        assertEquals(
                List.of(
                        "outline",
                        "dataItems",
                        "persons",
                        "cause",
                        "secondaryHarm",
                        "responseToPersons",
                        "publication",
                        "prevention",
                        "other"),
                d.items().stream().map(ReportDraft.Item::key).toList());
        assertEquals("概要", d.items().get(0).heading());
        assertTrue(d.items().get(0).text().contains("端末・媒体の紛失"));
        // Items listed once though two categories name them; the sensitive category is marked.
        assertEquals(
                "氏名、病歴、電話番号（台帳区分: 健康相談記録（要配慮個人情報を含む）、連絡先）", d.items().get(1).text());
        assertEquals("1,500人（推計）", d.items().get(2).text());
        assertEquals("端末の持ち出し規程違反", d.items().get(3).text());
        assertEquals(ReportDrafts.UNKNOWN, d.items().get(4).text());
        assertTrue(d.items().get(8).text().contains("委託元（tenant-b）"));
        assertEquals(java.time.LocalDate.parse("2026-04-05"), d.dueOn());
        assertTrue(d.reportable());
    }
}
