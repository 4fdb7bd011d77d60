package dev.mamori.request;

import java.util.EnumSet;
import java.util.Set;

/** Why a request is refused in whole or part; the reason text is owed to the person as well (Art. 36). */
public enum RefusalGround {
    /** Art. 33(2)(i): harm to the life, body, property or other rights of the person or a third party. */
    HARM_TO_PERSON_OR_THIRD_PARTY("本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある（個人情報保護法第33条第2項第1号）",
            "Disclosure may harm the life, body, property or other rights and interests of the person or a third party "
                    + "(APPI Art. 33(2)(i))"),
    /** Art. 33(2)(ii): serious hindrance to the proper conduct of the business. */
    SERIOUS_HINDRANCE_TO_BUSINESS("当社の業務の適正な実施に著しい支障を及ぼすおそれがある（個人情報保護法第33条第2項第2号）",
            "Disclosure may seriously hinder the proper conduct of the business (APPI Art. 33(2)(ii))"),
    /** Art. 33(2)(iii): it would violate other laws. */
    VIOLATION_OF_OTHER_LAWS("他の法令に違反することとなる（個人情報保護法第33条第2項第3号）",
            "Disclosure would violate other laws (APPI Art. 33(2)(iii))"),
    /** Art. 34(2): after investigation the content is true, so there is nothing to correct. */
    CONTENT_IS_ACCURATE("調査の結果、内容が事実と相違しないことを確認した（個人情報保護法第34条第2項）",
            "After investigation the content was found to be true (APPI Art. 34(2))"),
    /** Art. 35(2), (4), (6): the ground the person relied on is not established. */
    GROUND_NOT_ESTABLISHED("請求の理由が認められない（個人情報保護法第35条第2項・第4項・第6項）",
            "The ground the request relies on was not established (APPI Art. 35(2), (4), (6))");

    private final String ja;
    private final String en;

    RefusalGround(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    /** The grounds the law gives for refusing {@code type}. */
    public static Set<RefusalGround> allowedFor(RequestType type) {
        Set<RefusalGround> art33 = EnumSet.of(HARM_TO_PERSON_OR_THIRD_PARTY, SERIOUS_HINDRANCE_TO_BUSINESS,
                VIOLATION_OF_OTHER_LAWS);
        return switch (type) {
            case PURPOSE_NOTIFICATION, DISCLOSURE, PROVISION_RECORD_DISCLOSURE -> art33;
            case CORRECTION -> {
                art33.add(CONTENT_IS_ACCURATE);
                yield art33;
            }
            case USE_STOP, ERASURE, PROVISION_STOP -> {
                art33.add(GROUND_NOT_ESTABLISHED);
                yield art33;
            }
        };
    }
}
