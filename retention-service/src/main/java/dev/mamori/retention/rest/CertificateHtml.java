package dev.mamori.retention.rest;

import static dev.mamori.platform.text.Html.escape;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The readable form of a deletion certificate for the client company: Japanese headings with English, every
 * erased item in a table, the digest to quote when checking it. Everything from data is HTML-escaped.
 */
final class CertificateHtml {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private CertificateHtml() {}

    static String render(CertificateView c, ZoneId zone) {
        StringBuilder h = new StringBuilder(4096 + c.items().size() * 400);
        h.append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\">")
                .append("<title>削除証明書 / Deletion certificate ")
                .append(escape(c.id()))
                .append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:90%}")
                .append("th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}")
                .append(
                        "th{background:#eee}.digest{font-family:monospace;word-break:break-all}</style></head><body>\n");
        h.append("<h1>削除証明書 <small>Deletion certificate</small></h1>\n<table>\n");
        row(h, "証明書番号 / Certificate ID", c.id().toString());
        row(h, "委託元（テナント） / Client company (tenant)", c.tenantId());
        if ("PERIOD".equals(c.kind())) {
            row(h, "対象期間 / Period", c.from() + " 〜 " + c.to() + "（日本時間 / Japan time）");
            row(h, "対象時点 / Erasures up to", time(c.coveredUntil(), zone));
        } else {
            row(h, "削除請求番号 / Erasure request", c.requestRef());
        }
        row(h, "削除件数 / Items erased", Integer.toString(c.count()));
        row(h, "発行日時 / Issued at", time(c.issuedAt(), zone));
        row(h, "発行者 / Issued by", c.issuedBy());
        h.append("<tr><th>ダイジェスト (SHA-256) / Digest</th><td class=\"digest\">")
                .append(escape(c.digest()))
                .append("</td></tr>\n</table>\n");
        h.append("<p>本証明書は、下記の個人データを保管期間の満了または本人からの請求に基づき削除したことを証明します。")
                .append("ダイジェストは各項目の記録内容から計算され、発行後に記録が変更されると一致しなくなります。<br>")
                .append(
                        "This certifies that the personal data listed below was erased when its retention period ended ")
                .append("or on the person's request. The digest is computed from the recorded items; any later change ")
                .append("to the records makes it stop matching (check at /v1/deletion-certificates/")
                .append(escape(c.id().toString()))
                .append("/verification).</p>\n");
        h.append("<h2>削除明細 <small>Erased items</small></h2>\n<table>\n<tr>")
                .append("<th>#</th><th>本人 / Subject</th><th>データ区分 / Category</th><th>保管システム / System</th>")
                .append("<th>所在 / Locator</th><th>収集日時 / Collected</th><th>削除期限 / Due</th>")
                .append("<th>根拠 / Rule</th><th>契約 / Contract</th><th>理由 / Cause</th><th>削除日時 / Erased at</th>")
                .append("<th>システム確認 / Confirmed by system</th></tr>\n");
        int n = 0;
        for (Map<String, Object> item : c.items()) {
            n++;
            h.append("<tr><td>").append(n).append("</td>");
            cell(h, item.get("subjectRef"));
            cell(h, item.get("categoryCode"));
            cell(h, item.get("owningSystem"));
            cell(h, item.get("locator"));
            cell(h, utc(item.get("collectedAt"), zone));
            cell(h, utc(item.get("deleteAfter"), zone));
            cell(h, rule(item));
            cell(h, item.get("contractRef"));
            cell(
                    h,
                    "SUBJECT_REQUEST".equals(item.get("cause"))
                            ? "本人請求 / request " + item.get("requestRef")
                            : "保管期間満了 / retention");
            cell(h, utc(item.get("erasedAt"), zone));
            cell(
                    h,
                    item.get("confirmedBy") == null
                            ? "未確認 / not yet (" + item.get("erasureRequestStatus") + ")"
                            : item.get("confirmedBy") + " " + utc(item.get("confirmedAt"), zone));
            h.append("</tr>\n");
        }
        if (n == 0) {
            h.append("<tr><td colspan=\"12\">該当なし / No erasures</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String rule(Map<String, Object> item) {
        Object rule = item.get("rule");
        String days = item.get("retentionDays") + "日 / days";
        if ("EXTENSION".equals(rule)) {
            return "契約延長 / contract extension " + item.get("extensionId");
        }
        if ("CONTRACT_ENDED".equals(rule)) {
            return "契約終了 / contract ended";
        }
        return "COLLECTION".equals(item.get("retentionBasis"))
                ? "収集日から / from collection " + days
                : "契約終了後 / after contract end " + days;
    }

    private static void row(StringBuilder h, String heading, String value) {
        h.append("<tr><th>")
                .append(escape(heading))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n");
    }

    private static void cell(StringBuilder h, Object value) {
        h.append("<td>").append(escape(value)).append("</td>");
    }

    private static String time(OffsetDateTime t, ZoneId zone) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(SHOWN);
    }

    private static String utc(Object text, ZoneId zone) {
        return text == null ? "" : time(OffsetDateTime.parse(text.toString()), zone);
    }
}
