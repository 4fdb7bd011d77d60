package dev.mamori.request.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.DecisionOutcome;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.TaskAction;
import dev.mamori.request.TaskStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The person's notices, in Japanese and English. The Act requires the result of every request to be notified
 * without delay (Arts. 32(3), 33(3), 34(3), 35(7)), with the reason when refused (Art. 36); an extension of the
 * due date is notified too. The notices name no personal data beyond the request's own reference.
 */
public final class Notices {

    public record Notice(String ja, String en) {}

    private Notices() {}

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

    /**
     * The result notice of a closed request. {@code notCarriedOut} is the privacy officer's reason when part of an
     * approved request could not be carried out; the notice then says what was and was not done (Art. 35(7)).
     */
    static Notice result(
            DataSubjectRequest r,
            List<Map<String, Object>> actions,
            Decision.CorrectionResult correction,
            JsonNode pkg,
            String notCarriedOut) {
        LocalDate received = Deadlines.arrivalDay(r.receivedAt);
        StringBuilder ja = new StringBuilder();
        StringBuilder en = new StringBuilder();
        ja.append(received)
                .append(" に受け付けた")
                .append(typeJa(r.type))
                .append("のご請求（受付番号 ")
                .append(r.id)
                .append("）について、次のとおりお知らせします。\n\n");
        en.append("Regarding your request for ")
                .append(typeEn(r.type))
                .append(" received on ")
                .append(received)
                .append(" (reference ")
                .append(r.id)
                .append("), we inform you as follows.\n\n");
        if (r.status == RequestStatus.REFUSED) {
            ja.append("誠に恐れ入りますが、ご請求には応じられません。\n理由：")
                    .append(r.refusalGround.ja())
                    .append("\n")
                    .append(r.decisionReason)
                    .append("\n");
            en.append("We regret that we cannot comply with your request.\nGround: ")
                    .append(r.refusalGround.en())
                    .append("\nReason: ")
                    .append(r.decisionReason)
                    .append("\n");
        } else if (r.outcome == DecisionOutcome.NO_DATA) {
            ja.append("当社は、ご請求に係るお客様の保有個人データを保有しておりません。\n");
            en.append("We do not hold retained personal data about you that the request concerns.\n");
        } else {
            if (notCarriedOut != null) {
                incomplete(r, actions, pkg, notCarriedOut, ja, en);
            } else {
                done(r, actions, correction, pkg, ja, en);
            }
            if (r.outcome == DecisionOutcome.PARTIALLY_APPROVED) {
                ja.append("\nなお、ご請求の一部には応じられません。\n理由：")
                        .append(r.refusalGround.ja())
                        .append("\n")
                        .append(r.decisionReason)
                        .append("\n");
                en.append("\nPart of the request could not be met.\nGround: ")
                        .append(r.refusalGround.en())
                        .append("\nReason: ")
                        .append(r.decisionReason)
                        .append("\n");
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

    private static void done(
            DataSubjectRequest r,
            List<Map<String, Object>> actions,
            Decision.CorrectionResult correction,
            JsonNode pkg,
            StringBuilder ja,
            StringBuilder en) {
        switch (r.type) {
            case PURPOSE_NOTIFICATION -> {
                ja.append("お客様の保有個人データの利用目的は次のとおりです。\n").append(purposeList(pkg, true));
                en.append("Your retained personal data is used for the following purposes:\n")
                        .append(purposeList(pkg, false));
            }
            case DISCLOSURE, PROVISION_RECORD_DISCLOSURE -> {
                boolean paper = r.deliveryMethod == DeliveryMethod.PAPER;
                ja.append("ご請求の")
                        .append(r.type == RequestType.DISCLOSURE ? "保有個人データ" : "第三者提供記録")
                        .append("を")
                        .append(paper ? "書面の交付" : "電磁的記録の提供")
                        .append("により開示します。")
                        .append("開示内容は別添のとおりです。\n");
                en.append("We disclose the ")
                        .append(
                                r.type == RequestType.DISCLOSURE
                                        ? "retained personal data"
                                        : "third-party provision records")
                        .append(" by ")
                        .append(paper ? "paper document" : "electronic record")
                        .append("; see the attachment.\n");
            }
            case CORRECTION -> {
                ja.append("ご指摘の項目「")
                        .append(r.correctionItem)
                        .append("」を調査のうえ、次のとおり訂正しました。\n")
                        .append("訂正前：")
                        .append(correction == null ? "" : correction.before())
                        .append("\n")
                        .append("訂正後：")
                        .append(correction == null ? "" : correction.after())
                        .append("\n");
                en.append("Having investigated the item \"")
                        .append(r.correctionItem)
                        .append("\", we corrected it as follows.\nBefore: ")
                        .append(correction == null ? "" : correction.before())
                        .append("\nAfter: ")
                        .append(correction == null ? "" : correction.after())
                        .append("\n");
            }
            case USE_STOP -> {
                ja.append("お客様の保有個人データの利用を停止しました。\n");
                en.append("We have stopped using your retained personal data.\n");
                if (did(actions, TaskAction.STOP_PROVISION)) {
                    ja.append("あわせて、第三者への提供も停止しました。\n");
                    en.append("We have also stopped providing it to third parties.\n");
                }
            }
            case ERASURE -> {
                erased(actions, ja, en);
                if (did(actions, TaskAction.STOP_USE) && did(actions, TaskAction.STOP_PROVISION)) {
                    ja.append("あわせて、お客様の保有個人データの利用および第三者への提供を停止しました。\n");
                    en.append("We have also stopped using your retained personal data and providing it to third "
                            + "parties.\n");
                }
            }
            case PROVISION_STOP -> {
                if (answered(actions, "alreadyInForce")) {
                    // thirdparty-service already had a stop in force (e.g. from an earlier request): what the
                    // person asked for is so, and the notice says that rather than claim a new stop.
                    ja.append("お客様の保有個人データの第三者への提供は、既に停止しております。その停止は引き続き有効です。\n");
                    en.append("The provision of your retained personal data to third parties had already been "
                            + "stopped; that stop remains in force.\n");
                } else {
                    ja.append("お客様の保有個人データの第三者への提供を停止しました。\n");
                    en.append("We have stopped providing your retained personal data to third parties.\n");
                }
            }
        }
    }

    /**
     * Erasure: how many records were erased, and how many were kept because a legal hold or a legal duty to keep
     * them prevails. Art. 35(7) requires telling the person when the measure is not taken in full, and Art. 36 asks
     * for the reason, so a partial erasure is never notified as "erased".
     */
    private static void erased(List<Map<String, Object>> actions, StringBuilder ja, StringBuilder en) {
        String certificate = certificate(actions);
        Long erased = count(actions, "erased");
        Long held = count(actions, "held");
        if (erased == null) {
            ja.append("お客様の保有個人データを消去しました。");
            en.append("We have erased your retained personal data");
        } else {
            ja.append("お客様の保有個人データ ").append(erased).append(" 件を消去しました。");
            en.append("We have erased ")
                    .append(erased)
                    .append(erased == 1 ? " record" : " records")
                    .append(" of your retained personal data");
        }
        if (certificate != null) {
            ja.append("（消去証明書番号 ").append(certificate).append("）");
            en.append(" (erasure certificate ").append(certificate).append(")");
        }
        ja.append("\n");
        en.append(".\n");
        if (held != null && held > 0) {
            ja.append("ただし、")
                    .append(held)
                    .append(" 件は、法令に基づく保存義務または法的手続のための保存措置"
                            + "（リーガルホールド）の対象であるため、消去せずに保存しています。このため、ご請求の一部には応じられません。\n");
            en.append("However, ")
                    .append(held)
                    .append(held == 1 ? " record is" : " records are")
                    .append(" retained and not erased, because a legal hold or a legal obligation to keep them "
                            + "applies. Your request could therefore not be met in full.\n");
        }
    }

    /**
     * An approved request the privacy officer closed with part of it not carried out: what was done, what was not,
     * and the reason (Arts. 35(7), 36).
     */
    private static void incomplete(
            DataSubjectRequest r,
            List<Map<String, Object>> actions,
            JsonNode pkg,
            String reason,
            StringBuilder ja,
            StringBuilder en) {
        StringBuilder doneJa = new StringBuilder();
        StringBuilder doneEn = new StringBuilder();
        StringBuilder failedJa = new StringBuilder();
        StringBuilder failedEn = new StringBuilder();
        for (Map<String, Object> action : actions) {
            if (!(action.get("action") instanceof TaskAction a)) {
                continue;
            }
            boolean done = action.get("status") == TaskStatus.DONE;
            (done ? doneJa : failedJa).append("・").append(labelJa(r.type, a)).append('\n');
            (done ? doneEn : failedEn).append("- ").append(labelEn(r.type, a)).append('\n');
        }
        if (!doneJa.isEmpty()) {
            ja.append("次の措置を実施しました。\n").append(doneJa);
            en.append("We have carried out the following:\n").append(doneEn);
            if (pkg != null && r.type != RequestType.PURPOSE_NOTIFICATION) {
                boolean paper = r.deliveryMethod == DeliveryMethod.PAPER;
                ja.append("開示内容は別添のとおりです（").append(paper ? "書面の交付" : "電磁的記録の提供").append("）。\n");
                en.append("The disclosed data is attached (")
                        .append(paper ? "paper document" : "electronic record")
                        .append(").\n");
            }
            if (pkg != null
                    && r.type == RequestType.PURPOSE_NOTIFICATION
                    && !pkg.path("purposes").isEmpty()) {
                ja.append("確認できた利用目的は次のとおりです。\n").append(purposeList(pkg, true));
                en.append("The purposes of use we could confirm are:\n").append(purposeList(pkg, false));
            }
            ja.append('\n');
            en.append('\n');
        }
        ja.append("誠に恐れ入りますが、次の措置は実施できませんでした。\n")
                .append(failedJa)
                .append("理由：")
                .append(reason)
                .append("\n");
        en.append("We regret that we could not carry out the following:\n")
                .append(failedEn)
                .append("Reason: ")
                .append(reason)
                .append("\n");
    }

    /**
     * Art. 32(2): the purposes in words, one a line: the title, then the description. English uses the English
     * wording where the purpose has one and the Japanese otherwise; the code only where no wording is published.
     */
    static String purposeList(JsonNode pkg, boolean japanese) {
        StringBuilder list = new StringBuilder();
        if (pkg == null) {
            return "";
        }
        for (JsonNode p : pkg.path("purposes")) {
            String title = p.isTextual() ? p.asText() : words(p, japanese ? "titleJa" : "titleEn", "titleJa");
            String description =
                    p.isTextual() ? null : words(p, japanese ? "descriptionJa" : "descriptionEn", "descriptionJa");
            if (title == null) {
                title = description != null ? description : p.path("code").asText();
                description = null;
            }
            list.append(japanese ? "・" : "- ").append(title);
            if (description != null && !description.equals(title)) {
                list.append(japanese ? "：" : ": ").append(description);
            }
            list.append('\n');
        }
        return list.toString();
    }

    private static String words(JsonNode purpose, String field, String fallback) {
        JsonNode value = purpose.hasNonNull(field) ? purpose.get(field) : purpose.get(fallback);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String labelJa(RequestType type, TaskAction action) {
        boolean purposes = type == RequestType.PURPOSE_NOTIFICATION;
        return switch (action) {
            case FETCH_CONSENTS -> purposes ? "同意の記録からの利用目的の確認" : "同意とその履歴の開示";
            case FETCH_HOLDINGS -> purposes ? "保有データの記録からの利用目的の確認" : "保有データと保存期間の開示";
            case FETCH_RECORDS -> "第三者提供記録および第三者からの受領記録の開示";
            case STOP_USE -> "保有個人データの利用停止";
            case ERASE -> "保有個人データの消去";
            case STOP_PROVISION -> "保有個人データの第三者への提供の停止";
            case PASS_CORRECTION -> "訂正内容の当該データを保有するシステムへの反映";
            case STATUS_CALLBACK -> "状況の通知";
        };
    }

    private static String labelEn(RequestType type, TaskAction action) {
        boolean purposes = type == RequestType.PURPOSE_NOTIFICATION;
        return switch (action) {
            case FETCH_CONSENTS ->
                purposes
                        ? "confirming the purposes from your consent records"
                        : "disclosure of your consents and their history";
            case FETCH_HOLDINGS ->
                purposes
                        ? "confirming the purposes from the records of data held"
                        : "disclosure of the data held and its retention";
            case FETCH_RECORDS -> "disclosure of third-party provision records and records of receipt";
            case STOP_USE -> "stopping the use of your retained personal data";
            case ERASE -> "erasure of your retained personal data";
            case STOP_PROVISION -> "stopping the provision of your retained personal data to third parties";
            case PASS_CORRECTION -> "applying the correction in the system that holds the data";
            case STATUS_CALLBACK -> "status report";
        };
    }

    /** A whole-number field of a target's answer, e.g. erased or held of retention-service's erasure. */
    private static Long count(List<Map<String, Object>> actions, String field) {
        for (Map<String, Object> action : actions) {
            if (action.get("answer") instanceof JsonNode answer
                    && answer.hasNonNull(field)
                    && answer.get(field).canConvertToLong()) {
                return answer.get(field).asLong();
            }
        }
        return null;
    }

    /** Whether {@code action} was among the request's calls and is done. */
    private static boolean did(List<Map<String, Object>> actions, TaskAction action) {
        return actions.stream().anyMatch(a -> a.get("action") == action && a.get("status") == TaskStatus.DONE);
    }

    private static boolean answered(List<Map<String, Object>> actions, String flag) {
        for (Map<String, Object> action : actions) {
            if (action.get("answer") instanceof JsonNode answer
                    && answer.path(flag).asBoolean(false)) {
                return true;
            }
        }
        return false;
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
