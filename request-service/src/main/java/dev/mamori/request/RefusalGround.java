package dev.mamori.request;

import java.util.EnumSet;
import java.util.Set;

/** Why a request is refused in whole or part; the reason text is owed to the person as well (Art. 36). */
public enum RefusalGround {
    /** Art. 33(2)(i): harm to the life, body, property or other rights of the person or a third party. */
    HARM_TO_PERSON_OR_THIRD_PARTY(
            "本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある（個人情報保護法第33条第2項第1号）",
            "Disclosure may harm the life, body, property or other rights and interests of the person or a third party "
                    + "(APPI Art. 33(2)(i))"),
    /** Art. 33(2)(ii): serious hindrance to the proper conduct of the business. */
    SERIOUS_HINDRANCE_TO_BUSINESS(
            "当社の業務の適正な実施に著しい支障を及ぼすおそれがある（個人情報保護法第33条第2項第2号）",
            "Disclosure may seriously hinder the proper conduct of the business (APPI Art. 33(2)(ii))"),
    /** Art. 33(2)(iii): it would violate other laws. */
    VIOLATION_OF_OTHER_LAWS(
            "他の法令に違反することとなる（個人情報保護法第33条第2項第3号）", "Disclosure would violate other laws (APPI Art. 33(2)(iii))"),
    /**
     * Art. 32(2)(i): the purpose of use is already evident, i.e. it is in a state the person can know (Art. 32(1)(ii)),
     * so a separate notification is not owed.
     */
    PURPOSE_ALREADY_EVIDENT(
            "利用目的が明らかである（個人情報保護法第32条第2項第1号）", "The purpose of use is already evident to you (APPI Art. 32(2)(i))"),
    /** Art. 32(2)(ii) with Art. 21(4)(i): notifying may harm the life, body, property or rights of anyone. */
    NOTIFICATION_HARMS_PERSON_OR_THIRD_PARTY(
            "利用目的を本人に通知することにより本人又は第三者の生命、身体、財産その他の権利利益を" + "害するおそれがある（個人情報保護法第32条第2項第2号、第21条第4項第1号）",
            "Notifying the purpose of use may harm the life, body, property or other rights and interests of the "
                    + "person or a third party (APPI Art. 32(2)(ii), Art. 21(4)(i))"),
    /** Art. 32(2)(ii) with Art. 21(4)(ii): notifying may harm the company's rights or legitimate interests. */
    NOTIFICATION_HARMS_BUSINESS_INTERESTS(
            "利用目的を本人に通知することにより当社の権利又は正当な利益を害するおそれがある" + "（個人情報保護法第32条第2項第2号、第21条第4項第2号）",
            "Notifying the purpose of use may harm the rights or legitimate interests of the business "
                    + "(APPI Art. 32(2)(ii), Art. 21(4)(ii))"),
    /**
     * Art. 32(2)(ii) with Art. 21(4)(iii): the company cooperates with a state organ or local government carrying out
     * a task under the law, and notifying may obstruct that task.
     */
    NOTIFICATION_OBSTRUCTS_PUBLIC_TASK(
            "国の機関又は地方公共団体が法令の定める事務を遂行することに対して協力する必要があり、"
                    + "利用目的を本人に通知することにより当該事務の遂行に支障を及ぼすおそれがある（個人情報保護法第32条第2項第2号、第21条第4項第3号）",
            "The business must cooperate with a state organ or local government performing a task under the law, "
                    + "and notifying the purpose of use may obstruct that task (APPI Art. 32(2)(ii), Art. 21(4)(iii))"),
    /** Art. 34(2): after investigation the content is true, so there is nothing to correct. */
    CONTENT_IS_ACCURATE(
            "調査の結果、内容が事実と相違しないことを確認した（個人情報保護法第34条第2項）",
            "After investigation the content was found to be true (APPI Art. 34(2))"),
    /** Art. 35(2), (4), (6): the ground the person relied on is not established. */
    GROUND_NOT_ESTABLISHED(
            "請求の理由が認められない（個人情報保護法第35条第2項・第4項・第6項）",
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
        Set<RefusalGround> art33 =
                EnumSet.of(HARM_TO_PERSON_OR_THIRD_PARTY, SERIOUS_HINDRANCE_TO_BUSINESS, VIOLATION_OF_OTHER_LAWS);
        return switch (type) {
            // Art. 32(2) names its own grounds (Art. 32(2)(i) and the Art. 21(4)(i)-(iii) cases), not Art. 33(2)'s.
            case PURPOSE_NOTIFICATION ->
                EnumSet.of(
                        PURPOSE_ALREADY_EVIDENT,
                        NOTIFICATION_HARMS_PERSON_OR_THIRD_PARTY,
                        NOTIFICATION_HARMS_BUSINESS_INTERESTS,
                        NOTIFICATION_OBSTRUCTS_PUBLIC_TASK);
            case DISCLOSURE, PROVISION_RECORD_DISCLOSURE -> art33;
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
