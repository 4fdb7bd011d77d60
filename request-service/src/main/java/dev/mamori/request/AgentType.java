package dev.mamori.request;

/**
 * The capacity an agent acts in (Art. 37(3) and the Cabinet Order under it: the statutory representative of a
 * minor or an adult ward, or an agent the person entrusted with the request).
 */
public enum AgentType {
    /** A parent with parental authority over a minor (親権者). */
    PARENTAL_AUTHORITY(RequesterRelation.STATUTORY_AGENT),
    /** A guardian of a minor (未成年後見人). */
    MINOR_GUARDIAN(RequesterRelation.STATUTORY_AGENT),
    /** A guardian of an adult ward (成年後見人). */
    ADULT_GUARDIAN(RequesterRelation.STATUTORY_AGENT),
    /** An agent holding the person's power of attorney (委任状). */
    POWER_OF_ATTORNEY(RequesterRelation.APPOINTED_AGENT);

    private final RequesterRelation relation;

    AgentType(RequesterRelation relation) {
        this.relation = relation;
    }

    /** The requester relation this capacity belongs to. */
    public RequesterRelation relation() {
        return relation;
    }
}
