package dev.mamori.incident.service;

import dev.mamori.incident.ReportableCase;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an incident must be reported to the PPC (APPI Art. 26(1)) and told to the persons (Art. 26(2)): the four
 * cases of PPC Rule 7 (施行規則第7条), the exemption for data under strong encryption whose key did not leak (the
 * parenthesis of Rule 7(i): 高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたもの), and a privacy
 * officer's override with its reason. Every answer explains itself in Japanese and English.
 */
public final class Triage {

    /** Rule 7(iv): more than this many persons. */
    public static final int PERSONS_THRESHOLD = 1000;

    private Triage() {}

    /** What the rules read. */
    public record Facts(
            boolean sensitive,
            boolean financialHarm,
            boolean unlawfulPurpose,
            int persons,
            boolean highlyEncrypted,
            Boolean overrideReportable,
            String overrideReason) {}

    /** One line of the explanation, in both languages. */
    public record Reason(String ja, String en) {}

    /**
     * The answer: whether the incident is reportable, the cases that apply (even when the exemption or an override
     * sets them aside, so that the report shows them), whether the rules alone would report it, and why.
     */
    public record Result(boolean reportable, List<ReportableCase> cases, boolean byRules, List<Reason> reasons) {

        /** Whether Rule 7(iii) applies: it lengthens the final report's period to 60 days. */
        public boolean unlawfulPurpose() {
            return cases.contains(ReportableCase.UNLAWFUL_PURPOSE);
        }
    }

    public static Result assess(Facts f) {
        List<ReportableCase> cases = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        if (f.sensitive()) {
            cases.add(ReportableCase.SENSITIVE);
            reasons.add(new Reason(
                    "要配慮個人情報が含まれる個人データの漏えい等（施行規則第7条第1号）",
                    "Special care-required personal information is affected (PPC Rule 7(i))"));
        }
        if (f.financialHarm()) {
            cases.add(ReportableCase.FINANCIAL_HARM);
            reasons.add(new Reason(
                    "不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等（施行規則第7条第2号）",
                    "Data whose misuse may cause financial harm is affected (PPC Rule 7(ii))"));
        }
        if (f.unlawfulPurpose()) {
            cases.add(ReportableCase.UNLAWFUL_PURPOSE);
            reasons.add(new Reason(
                    "不正の目的をもって行われたおそれがある漏えい等（取得しようとしている個人情報を含む。施行規則第7条第3号）",
                    "An act with an unlawful purpose is suspected, including data about to be acquired (PPC Rule "
                            + "7(iii))"));
        }
        if (f.persons() > PERSONS_THRESHOLD) {
            cases.add(ReportableCase.OVER_1000_PERSONS);
            reasons.add(new Reason(
                    "本人の数が1,000人を超える漏えい等（" + f.persons() + "人。施行規則第7条第4号）",
                    "More than 1,000 persons are affected (" + f.persons() + "; PPC Rule 7(iv))"));
        }
        boolean byRules = !cases.isEmpty() && !f.highlyEncrypted();
        if (cases.isEmpty()) {
            reasons.add(new Reason(
                    "施行規則第7条各号のいずれにも該当しない（本人の数 " + f.persons() + "人）",
                    "None of the cases of PPC Rule 7 applies (" + f.persons() + " persons)"));
        } else if (f.highlyEncrypted()) {
            reasons.add(new Reason(
                    "高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられ、鍵は漏えいしていないため報告対象外（施行規則第7条第1号括弧書）",
                    "Exempt: the data was protected by strong encryption whose key did not leak (PPC Rule 7(i), "
                            + "parenthesis)"));
        }
        boolean reportable = byRules;
        if (f.overrideReportable() != null) {
            reportable = f.overrideReportable();
            reasons.add(
                    reportable
                            ? new Reason(
                                    "個人情報保護管理者の判断により報告対象とする: " + f.overrideReason(),
                                    "Reportable by the privacy officer's decision: " + f.overrideReason())
                            : new Reason(
                                    "個人情報保護管理者の判断により報告対象外とする: " + f.overrideReason(),
                                    "Not reportable by the privacy officer's decision: " + f.overrideReason()));
        }
        return new Result(reportable, List.copyOf(cases), byRules, List.copyOf(reasons));
    }
}
