package dev.mamori.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The APPI catalogue of what a person may ask of a business about their retained personal data (Arts. 32-35).
 * Each type says which details a request of that type carries.
 */
public enum RequestType {
    /** Art. 32(2): notify the purposes of use of the person's retained data, without delay. */
    PURPOSE_NOTIFICATION,
    /** Art. 33(1): disclose the retained data by the method the person chose (Art. 33(2)). */
    DISCLOSURE,
    /** Art. 33(5): disclose the third-party provision and receipt records (Arts. 29(1), 30(3)) about the person. */
    PROVISION_RECORD_DISCLOSURE,
    /** Art. 34(1): correct, add to or delete content that is not true. */
    CORRECTION,
    /** Art. 35(1)/(5): stop using the data. */
    USE_STOP,
    /** Art. 35(1)/(5): erase the data (making it non-identifiable counts). */
    ERASURE,
    /** Art. 35(3)/(5): stop providing the data to third parties. */
    PROVISION_STOP;

    /** Types that are a 請求 under Arts. 33-35: the person chooses how the data is handed over (Art. 33(1), (5)). */
    public boolean takesDeliveryMethod() {
        return this == DISCLOSURE || this == PROVISION_RECORD_DISCLOSURE;
    }

    /** Art. 35 types, which the person must ground in one of the article's triggers. */
    public boolean takesGround() {
        return !allowedGrounds().isEmpty();
    }

    /** Art. 34: the person says what is untrue. */
    public boolean takesCorrection() {
        return this == CORRECTION;
    }

    /**
     * Art. 39 lets the person sue over a claim under Art. 33(1) (with (5)), 34(1) or 35(1), (3), (5) only two weeks
     * after it arrived. A purpose notification (Art. 32(2)) is an "ask" (求め), not such a claim: no marker.
     */
    public boolean hasStatutoryMarker() {
        return this != PURPOSE_NOTIFICATION;
    }

    /**
     * Art. 35(1) (breach of Arts. 18-20) grounds use stop and erasure; Art. 35(3) (breach of Arts. 27(1), 28)
     * grounds provision stop; Art. 35(5) grounds either.
     */
    public Set<StopGround> allowedGrounds() {
        return switch (this) {
            case USE_STOP, ERASURE ->
                EnumSet.of(StopGround.ART_35_1, StopGround.ART_35_5_A, StopGround.ART_35_5_B, StopGround.ART_35_5_C);
            case PROVISION_STOP ->
                EnumSet.of(StopGround.ART_35_3, StopGround.ART_35_5_A, StopGround.ART_35_5_B, StopGround.ART_35_5_C);
            default -> EnumSet.noneOf(StopGround.class);
        };
    }
}
