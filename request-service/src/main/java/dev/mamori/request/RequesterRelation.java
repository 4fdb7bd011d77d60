package dev.mamori.request;

/** Who makes the request for the person (Art. 37(3): requests may be made through an agent). */
public enum RequesterRelation {
    /** The person themself (本人). */
    SELF,
    /** A statutory representative of a minor or an adult ward (法定代理人). */
    STATUTORY_AGENT,
    /** An agent the person appointed to make this request, with a power of attorney (任意代理人). */
    APPOINTED_AGENT
}
