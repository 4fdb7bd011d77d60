package dev.mamori.retention.service;

import dev.mamori.retention.AcquisitionForm;
import dev.mamori.retention.DataCategory;
import dev.mamori.retention.RetentionBasis;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The personal-information ledger as CSV for the yearly review (JIS Q 15001): one header row, one row per category,
 * RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark so that Excel in Japan opens the Japanese text
 * correctly. A text cell that a spreadsheet would read as a formula is prefixed with an apostrophe.
 */
public final class LedgerCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String BOM = "\uFEFF";

    /** Column titles as the ledger names them, Japanese first. */
    public static final List<String> HEADER = List.of(
            "コード", "個人情報の名称", "名称（英語）", "個人情報の項目", "利用目的", "保管場所", "保管方法",
            "アクセス権者", "保管期間の起算", "保管日数", "保管期間", "要配慮個人情報", "取得形態", "第三者提供",
            "共同利用", "委託", "最終見直し日");

    private LedgerCsv() {
    }

    public static byte[] write(List<DataCategory> ledger) {
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER);
        for (DataCategory c : ledger) {
            row(csv, List.of(
                    text(c.code), text(c.nameJa), text(c.nameEn), text(String.join("、", c.items)),
                    text(String.join("、", c.purposeCodes)), text(c.storageLocation), text(c.storageMethod),
                    text(String.join("、", c.accessibleBy)), basis(c.retentionBasis), Integer.toString(c.retentionDays),
                    period(c.retentionBasis, c.retentionDays), yesNo(c.sensitive), form(c.acquisitionForm),
                    yesNo(c.thirdPartyProvision), yesNo(c.jointUse), yesNo(c.entrustment),
                    c.lastReviewedAt.toString()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Text from a caller: never let a spreadsheet run it as a formula (CSV injection). */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String basis(RetentionBasis basis) {
        return basis == RetentionBasis.COLLECTION ? "収集日" : "契約終了日";
    }

    private static String period(RetentionBasis basis, int days) {
        if (basis == RetentionBasis.COLLECTION) {
            return "収集日から" + days + "日";
        }
        return days == 0 ? "契約終了まで" : "契約終了後" + days + "日";
    }

    private static String yesNo(boolean value) {
        return value ? "あり" : "なし";
    }

    private static String form(AcquisitionForm form) {
        return switch (form) {
            case DIRECT_WRITTEN -> "直接書面取得";
            case DIRECT_ORAL -> "直接取得（書面以外）";
            case INDIRECT -> "間接取得";
            case ENTRUSTED -> "委託を受けて取得";
            case PUBLICLY_AVAILABLE -> "公開情報からの取得";
        };
    }
}
