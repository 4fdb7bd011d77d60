package dev.mamori.request.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The person's notices, in Japanese and English. The Act requires the result of every request to be notified
 * without delay (Arts. 32(3), 33(3), 34(3), 35(7)), with the reason when refused (Art. 36); an extension of the
 * due date is notified too. The notices name no personal data beyond the request's own reference.
 */
public final class Notices {

    public record Notice(String ja, String en) {
    }

    private Notices() {
    }

    static String typeJa(RequestType type) {
        return switch (type) {
            case PURPOSE_NOTIFICATION -> "利用目的の通知";
            case DISCLOSURE -> "保有個人データの開示";
            case PROVISION_RECORD_DISCLOSURE -> "第三者提供記録の開示";
            case CORRECTION -> "保有個人データの内容の訂正等";
            case USE_STOP -> "保有個人データの利用停止";
            case ERASURE -> "保有個人データの消去";
            case PROVISION_STOP -> "保有個人データの第三者提供の停止";
        };
    }

    static String typeEn(RequestType type) {
        return switch (type) {
            case PURPOSE_NOTIFICATION -> "notification of the purposes of use";
            case DISCLOSURE -> "disclosure of retained personal data";
            case PROVISION_RECORD_DISCLOSURE -> "disclosure of third-party provision records";
            case CORRECTION -> "correction of retained personal data";
            case USE_STOP -> "cessation of use of retained personal data";
            case ERASURE -> "erasure of retained personal data";
            case PROVISION_STOP -> "cessation of third-party provision of retained personal data";
        };
    }

    /** The result notice of a closed request. */
    static Notice result(DataSubjectRequest r, List<Map<String, Object>> actions, Decision.CorrectionResult correction,
                         JsonNode pkg) {
        LocalDate received = Deadlines.arrivalDay(r.receivedAt);
        StringBuilder ja = new StringBuilder();
        StringBuilder en = new StringBuilder();
        ja.append(received).append(" に受け付けた").append(typeJa(r.type)).append("のご請求（受付番号 ").append(r.id)
                .append("）について、次のとおりお知らせします。\n\n");
        en.append("Regarding your request for ").append(typeEn(r.type)).append(" received on ").append(received)
                .append(" (reference ").append(r.id).append("), we inform you as follows.\n\n");
        if (r.status == RequestStatus.REFUSED) {
            ja.append("誠に恐れ入りますが、ご請求には応じられません。\n理由：").append(r.refusalGround.ja()).append("\n")
                    .append(r.decisionReason).append("\n");
            en.append("We regret that we cannot comply with your request.\nGround: ").append(r.refusalGround.en())
                    .append("\nReason: ").append(r.decisionReason).append("\n");
        } else if (r.outcome == DecisionOutcome.NO_DATA) {
            ja.append("当社は、ご請求に係るお客様の保有個人データを保有しておりません。\n");
            en.append("We do not hold retained personal data about you that the request concerns.\n");
        } else {
            done(r, actions, correction, pkg, ja, en);
            if (r.outcome == DecisionOutcome.PARTIALLY_APPROVED) {
                ja.append("\nなお、ご請求の一部には応じられません。\n理由：").append(r.refusalGround.ja()).append("\n")
                        .append(r.decisionReason).append("\n");
                en.append("\nPart of the request could not be met.\nGround: ").append(r.refusalGround.en())
                        .append("\nReason: ").append(r.decisionReason).append("\n");
            }
        }
        if (r.feeJpy != null && r.feeJpy > 0) {
            ja.append("\n手数料：").append(r.feeJpy).append("円（個人情報保護法第38条）\n");
            en.append("\nFee: JPY ").append(r.feeJpy).append(" (APPI Art. 38)\n");
        }
        ja.append("\nご不明な点は、個人情報に関するお問い合わせ窓口までご連絡ください。");
        en.append("\nFor any question, please contact our personal information desk.");
        return new Notice(ja.toString(), en.toString());
    }

    private static void done(DataSubjectRequest r, List<Map<String, Object>> actions,
                             Decision.CorrectionResult correction, JsonNode pkg, StringBuilder ja, StringBuilder en) {
        switch (r.type) {
            case PURPOSE_NOTIFICATION -> {
                StringBuilder list = new StringBuilder();
                if (pkg != null) {
                    pkg.path("purposes").forEach(p -> list.append("・").append(p.asText()).append('\n'));
                }
                ja.append("お客様の保有個人データの利用目的は次のとおりです。\n").append(list);
                en.append("Your retained personal data is used for the following purposes:\n")
                        .append(list.toString().replace("・", "- "));
            }
            case DISCLOSURE, PROVISION_RECORD_DISCLOSURE -> {
                boolean paper = r.deliveryMethod == DeliveryMethod.PAPER;
                ja.append("ご請求の").append(r.type == RequestType.DISCLOSURE ? "保有個人データ" : "第三者提供記録")
                        .append("を").append(paper ? "書面の交付" : "電磁的記録の提供").append("により開示します。")
                        .append("開示内容は別添のとおりです。\n");
                en.append("We disclose the ").append(r.type == RequestType.DISCLOSURE ? "retained personal data"
                                : "third-party provision records").append(" by ")
                        .append(paper ? "paper document" : "electronic record").append("; see the attachment.\n");
            }
            case CORRECTION -> {
                ja.append("ご指摘の項目「").append(r.correctionItem).append("」を調査のうえ、次のとおり訂正しました。\n")
                        .append("訂正前：").append(correction == null ? "" : correction.before()).append("\n")
                        .append("訂正後：").append(correction == null ? "" : correction.after()).append("\n");
                en.append("Having investigated the item \"").append(r.correctionItem)
                        .append("\", we corrected it as follows.\nBefore: ")
                        .append(correction == null ? "" : correction.before()).append("\nAfter: ")
                        .append(correction == null ? "" : correction.after()).append("\n");
            }
            case USE_STOP -> {
                ja.append("お客様の保有個人データの利用を停止しました。\n");
                en.append("We have stopped using your retained personal data.\n");
            }
            case ERASURE -> {
                String certificate = certificate(actions);
                ja.append("お客様の保有個人データを消去しました。");
                en.append("We have erased your retained personal data.");
                if (certificate != null) {
                    ja.append("（消去証明書番号 ").append(certificate).append("）");
                    en.append(" (erasure certificate ").append(certificate).append(")");
                }
                ja.append("\n");
                en.append("\n");
            }
            case PROVISION_STOP -> {
                ja.append("お客様の保有個人データの第三者への提供を停止しました。\n");
                en.append("We have stopped providing your retained personal data to third parties.\n");
            }
        }
    }

    private static String certificate(List<Map<String, Object>> actions) {
        for (Map<String, Object> action : actions) {
            if (action.get("answer") instanceof JsonNode answer) {
                for (String field : List.of("certificateId", "certificate_id", "certificate")) {
                    JsonNode value = answer.get(field);
                    if (value != null && value.isValueNode()) {
                        return value.asText();
                    }
                    if (value != null && value.hasNonNull("id")) {
                        return value.get("id").asText();
                    }
                }
            }
        }
        return null;
    }

    /** The notice of an extended due date. */
    static Notice extension(DataSubjectRequest r, String reason) {
        LocalDate received = Deadlines.arrivalDay(r.receivedAt);
        return new Notice(
                received + " に受け付けた" + typeJa(r.type) + "のご請求（受付番号 " + r.id + "）につきまして、"
                        + "回答期限を " + r.dueOn + " まで延長させていただきます。\n理由：" + reason
                        + "\nご迷惑をおかけし申し訳ございません。",
                "Regarding your request for " + typeEn(r.type) + " received on " + received + " (reference " + r.id
                        + "), we need to extend the date of our answer to " + r.dueOn + ".\nReason: " + reason
                        + "\nWe apologise for the delay.");
    }
}
