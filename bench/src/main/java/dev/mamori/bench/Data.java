package dev.mamori.bench;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic bodies for a Japanese contact-center client: purposes with Japanese titles and notices, consents
 * taken by phone, web form and paper (minors with their statutory agent), ledger categories and holdings.
 * Everything is derived from the subject number, so every run loads the same data.
 */
final class Data {

    static final ZoneOffset JST = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** code, title, notice text, data items */
    static final String[][] PURPOSES = {
        {"call-center-support", "お問い合わせ対応",
            "お客様からのお問い合わせに回答するため、氏名・電話番号・お問い合わせ内容を利用します。", "氏名,電話番号,お問い合わせ内容"},
        {"direct-mail", "商品・サービスのご案内",
            "新商品やキャンペーンのご案内を郵送または電子メールでお送りするため、氏名・住所・メールアドレスを利用します。",
            "氏名,住所,メールアドレス"},
        {"member-services", "会員サービスの提供",
            "会員登録、ポイントの付与および会員向けサービスの提供のため、会員情報と購買履歴を利用します。", "氏名,会員番号,購買履歴"},
        {"satisfaction-survey", "お客様満足度調査",
            "サービス改善のためのアンケートをお願いし、その結果を分析するため、氏名と連絡先を利用します。", "氏名,電話番号,アンケート回答"},
        {"call-quality", "応対品質の向上",
            "応対品質の向上と研修のため、通話を録音し評価に利用します。録音は一定期間の後に消去します。", "通話音声,応対記録"},
    };

    private static final String[] FAMILY = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
        "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"};
    private static final String[] GIVEN = {"花子", "陽子", "恵美", "直樹", "健一", "美咲", "翔太", "由美子", "大輔", "さくら",
        "裕子", "拓也", "真由美", "和也", "明美", "誠"};
    private static final String[] CENTERS = {"コールセンター（札幌）", "コールセンター（那覇）", "コールセンター（福岡）"};

    private Data() {
    }

    /** RFC 3339 in Japan time with seconds, e.g. 2026-11-21T10:15:00+09:00. */
    static String rfc3339(OffsetDateTime t) {
        return t.withOffsetSameInstant(JST).format(RFC3339);
    }

    static String subject(String prefix, int n) {
        return String.format("%s%06d", prefix, n);
    }

    static String japaneseName(int n) {
        return FAMILY[Math.floorMod(n * 7 + 3, FAMILY.length)] + " " + GIVEN[Math.floorMod(n * 13 + 5, GIVEN.length)];
    }

    static List<String> purposeCodes() {
        List<String> codes = new ArrayList<>();
        for (String[] p : PURPOSES) {
            codes.add(p[0]);
        }
        return codes;
    }

    static Map<String, Object> purpose(String[] p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p[0]);
        m.put("titleJa", p[1]);
        m.put("descriptionJa", p[2]);
        m.put("dataItems", List.of(p[3].split(",")));
        return m;
    }

    /** Person n's answer for a purpose: mostly yes, one in ten no; every 50th person is a minor with a parent. */
    static Map<String, Object> consent(String subjectRef, int n, String purpose, int purposeIndex, OffsetDateTime now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("subjectRef", subjectRef);
        c.put("purpose", purpose);
        c.put("purposeVersion", 1);
        c.put("decision", Math.floorMod(n * 31 + purposeIndex * 17, 10) == 0 ? "REFUSED" : "GIVEN");
        int kind = Math.floorMod(n + purposeIndex, 3);
        c.put("method", kind == 0 ? "PHONE" : kind == 1 ? "WEB_FORM" : "PAPER");
        OffsetDateTime captured = now.minusDays(1 + Math.floorMod(n, 300)).minusMinutes(Math.floorMod(n * 7, 600))
                .truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (kind == 0) {
            evidence.put("channel", CENTERS[Math.floorMod(n, CENTERS.length)]);
            evidence.put("recordingRef", "rec-" + captured.toLocalDate() + "-" + n);
            evidence.put("operatorRef", "op-" + FAMILY[Math.floorMod(n, FAMILY.length)]);
        } else if (kind == 1) {
            evidence.put("channel", "https://example.jp/members/entry");
            evidence.put("userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)");
            evidence.put("ipAddress", "203.0.113." + Math.floorMod(n, 250));
        } else {
            evidence.put("channel", "申込書（郵送）");
        }
        evidence.put("noticeVersion", "2026-04");
        evidence.put("language", "ja");
        evidence.put("capturedAt", rfc3339(captured));
        c.put("evidence", evidence);
        if (n % 50 == 0) {
            c.put("subjectBirthDate", LocalDate.of(2013, 1 + n % 12, 1 + n % 28).toString());
            c.put("guardian", Map.of("name", japaneseName(n), "relation", "PARENT",
                    "verification", "健康保険の資格確認書で続柄を確認"));
        } else if (n % 3 == 0) {
            c.put("subjectBirthDate", LocalDate.of(1950 + n % 50, 1 + n % 12, 1 + n % 28).toString());
        }
        return c;
    }

    /** A ledger entry (個人情報管理台帳) of the tenant. */
    static Map<String, Object> category(String code, String nameJa, List<String> items, int retentionDays) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("nameJa", nameJa);
        m.put("items", items);
        m.put("purposeCodes", List.of("call-center-support"));
        m.put("storageLocation", "録音サーバ（東京データセンター）");
        m.put("storageMethod", "暗号化して保存、アクセスログを取得");
        m.put("accessibleBy", List.of("SV", "品質管理チーム"));
        m.put("sensitive", false);
        m.put("acquisitionForm", "ENTRUSTED");
        m.put("entrustment", true);
        m.put("retentionDays", retentionDays);
        return m;
    }

    static Map<String, Object> holding(String subjectRef, String category, String system, OffsetDateTime collectedAt,
                                       String locator) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("subjectRef", subjectRef);
        h.put("categoryCode", category);
        h.put("owningSystem", system);
        h.put("collectedAt", rfc3339(collectedAt));
        h.put("locator", locator);
        return h;
    }
}
