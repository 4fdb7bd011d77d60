package dev.mamori.incident.service;

import dev.mamori.incident.AffectedCategory;
import dev.mamori.incident.DataOwner;
import dev.mamori.incident.Incident;
import dev.mamori.incident.IncidentKind;
import dev.mamori.incident.IncidentNature;
import dev.mamori.incident.ReportStage;
import dev.mamori.platform.time.JapanTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drafts the report to the PPC from the record: the nine items of PPC Rule 8(1) (概要, 個人データの項目, 本人の数,
 * 原因, 二次被害又はそのおそれの有無及びその内容, 本人への対応の実施状況, 公表の実施状況, 再発防止のための措置,
 * その他参考となる事項), in Japanese. An item the record does not know yet reads 調査中 (under investigation): the
 * preliminary report may leave items open (Rule 8(1) "その時点で把握しているもの"), the final one should not.
 */
public final class ReportDrafts {

    static final String UNKNOWN = "調査中";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分");

    private ReportDrafts() {}

    public static ReportDraft draft(IncidentFile file, ReportStage stage) {
        Incident i = file.incident();
        List<ReportDraft.Item> items = new ArrayList<>();
        items.add(new ReportDraft.Item("outline", "概要", outline(i)));
        items.add(new ReportDraft.Item("dataItems", "漏えい等が発生し、又は発生したおそれがある個人データの項目", dataItems(i)));
        items.add(new ReportDraft.Item("persons", "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数", persons(i)));
        items.add(new ReportDraft.Item("cause", "原因", orUnknown(i.cause)));
        items.add(new ReportDraft.Item("secondaryHarm", "二次被害又はそのおそれの有無及びその内容", orUnknown(i.secondaryHarm)));
        items.add(new ReportDraft.Item("responseToPersons", "本人への対応の実施状況", responseToPersons(file)));
        items.add(new ReportDraft.Item("publication", "公表の実施状況", orUnknown(i.publication)));
        items.add(new ReportDraft.Item("prevention", "再発防止のための措置", orUnknown(i.prevention)));
        items.add(new ReportDraft.Item("other", "その他参考となる事項", other(file)));
        return new ReportDraft(
                i.id,
                stage,
                i.title,
                ReportClock.knownOn(i.discoveredAt),
                stage == ReportStage.PRELIMINARY ? file.preliminaryDueOn() : file.finalDueOn(),
                file.triage().reportable(),
                file.triage().cases(),
                List.copyOf(items));
    }

    static String outline(Incident i) {
        String occurred = i.occurredAt == null ? "発生日時は不明" : "発生日時は" + jst(i.occurredAt);
        return i.summary + "\n（事態: " + nature(i.nature) + "、態様: " + kind(i.kind) + "。" + occurred + "、"
                + jst(i.discoveredAt) + "に" + i.discoveredHow + "により発覚。対応責任者: " + i.handler + "）";
    }

    static String dataItems(Incident i) {
        Set<String> items = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (AffectedCategory c : i.categories) {
            names.add(c.nameJa() + (c.sensitive() ? "（要配慮個人情報を含む）" : ""));
            items.addAll(c.items());
        }
        return String.join("、", items) + "（台帳区分: " + String.join("、", names) + "）";
    }

    static String persons(Incident i) {
        return String.format("%,d人", i.personsCount) + (i.personsEstimated ? "（推計）" : "");
    }

    static String responseToPersons(IncidentFile file) {
        PersonProgress p = PersonProgress.of(file.incident().personsCount, file.notices());
        if (file.notices().isEmpty()) {
            return "未実施（通知予定）";
        }
        String text = String.format(
                "通知済み %,d人、不達 %,d人、送付中 %,d人、未通知 %,d人", p.delivered(), p.undeliverable(), p.pending(), p.remaining());
        return p.publicAnnouncements() > 0 ? text + "。本人への通知に代えて公表を実施" : text;
    }

    static String other(IncidentFile file) {
        Incident i = file.incident();
        List<String> parts = new ArrayList<>();
        if (i.dataOwner == DataOwner.CLIENT) {
            parts.add("委託元（" + i.clientTenantId + "）から委託を受けて取り扱う個人データ"
                    + (i.clientNotifiedAt == null ? "" : "。委託元へ" + jst(i.clientNotifiedAt) + "に通知済み"));
        }
        if (i.highlyEncrypted) {
            parts.add("高度な暗号化等の措置が講じられている");
        }
        if (i.otherNotes != null) {
            parts.add(i.otherNotes);
        }
        return parts.isEmpty() ? "特になし" : String.join("。", parts);
    }

    static String nature(IncidentNature n) {
        return switch (n) {
            case LEAK -> "漏えい";
            case LOSS -> "滅失";
            case DAMAGE -> "毀損";
        };
    }

    static String kind(IncidentKind k) {
        return switch (k) {
            case UNAUTHORISED_ACCESS -> "不正アクセス";
            case MISSENT_MAIL -> "メール誤送信";
            case MISSENT_FAX -> "FAX誤送信";
            case LOST_DEVICE -> "端末・媒体の紛失";
            case INSIDER -> "内部不正";
            case OTHER -> "その他";
        };
    }

    private static String orUnknown(String text) {
        return text == null || text.isBlank() ? UNKNOWN : text;
    }

    private static String jst(java.time.OffsetDateTime t) {
        return t.atZoneSameInstant(JapanTime.ZONE).format(WHEN);
    }
}
