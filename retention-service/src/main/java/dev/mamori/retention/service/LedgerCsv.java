package dev.mamori.retention.service;

import dev.mamori.platform.text.Csv;
import dev.mamori.retention.AcquisitionForm;
import dev.mamori.retention.DataCategory;
import dev.mamori.retention.RetentionBasis;
import java.util.List;

/**
 * The personal-information ledger as CSV for the yearly review (JIS Q 15001): one header row, one row per category,
 * written by {@link Csv} (RFC 4180, UTF-8 with a byte-order mark so that Excel in Japan opens the Japanese text, a
 * cell a spreadsheet would run as a formula prefixed with an apostrophe).
 */
public final class LedgerCsv {

    /** Column titles as the ledger names them, Japanese first. */
    public static final List<String> HEADER = List.of(
            "コード", "個人情報の名称", "名称（英語）", "個人情報の項目", "利用目的", "保管場所", "保管方法", "アクセス権者", "保管期間の起算", "保管日数", "保管期間",
            "要配慮個人情報", "取得形態", "第三者提供", "共同利用", "委託", "最終見直し日");

    private LedgerCsv() {}

    public static byte[] write(List<DataCategory> ledger) {
        Csv csv = Csv.withHeader(HEADER);
        for (DataCategory c : ledger) {
            csv.row(
                    c.code,
                    c.nameJa,
                    c.nameEn,
                    String.join("、", c.items),
                    String.join("、", c.purposeCodes),
                    c.storageLocation,
                    c.storageMethod,
                    String.join("、", c.accessibleBy),
                    basis(c.retentionBasis),
                    c.retentionDays,
                    period(c.retentionBasis, c.retentionDays),
                    yesNo(c.sensitive),
                    form(c.acquisitionForm),
                    yesNo(c.thirdPartyProvision),
                    yesNo(c.jointUse),
                    yesNo(c.entrustment),
                    c.lastReviewedAt);
        }
        return csv.bytes();
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
