package dev.mamori.request;

/**
 * Documents accepted to verify a requester (Art. 37(1), (4): the business fixes how a requester is identified,
 * without undue burden; the PPC General Guidelines give these as examples). One photo document is enough; otherwise
 * two others are needed. Health-insurance documents carry the insurer number, symbol and QR code, which must be masked on any copy (Health Insurance Act Art. 194-2, 被保険者等記号・番号の告知要求制限).
 */
public enum IdentityDocumentType {
    DRIVERS_LICENSE(true, false),
    PASSPORT(true, false),
    /** Only the front: the back carries the My Number, which is never taken (My Number Act Art. 20). */
    MY_NUMBER_CARD(true, false),
    RESIDENCE_CARD(true, false),
    SPECIAL_PERMANENT_RESIDENT_CERTIFICATE(true, false),
    /** 資格確認書, which replaced the health-insurance card (cards ceased to be valid on 2025-12-01). */
    HEALTH_INSURANCE_QUALIFICATION_CERTIFICATE(false, true),
    /** The old health-insurance card, accepted only for verifications before 2025-12-02. */
    HEALTH_INSURANCE_CARD(false, true),
    PENSION_BOOK(false, false),
    /** 住民票の写し, without the My Number. */
    RESIDENT_RECORD_COPY(false, false);

    private final boolean photo;
    private final boolean insurance;

    IdentityDocumentType(boolean photo, boolean insurance) {
        this.photo = photo;
        this.insurance = insurance;
    }

    public boolean hasPhoto() {
        return photo;
    }

    public boolean isHealthInsurance() {
        return insurance;
    }
}
