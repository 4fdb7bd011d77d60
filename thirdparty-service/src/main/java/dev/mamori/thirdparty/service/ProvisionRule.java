package dev.mamori.thirdparty.service;

/**
 * The rules a provision is checked against before it is recorded; a refusal names every one that fails, in the
 * {@code field} of its errors. Stable codes: clients branch on them.
 */
public enum ProvisionRule {
    /** Rule 21(i)(ii): a BULK or CONTRACT_SUBSTITUTE record is kept from the last provision, so it names that day. */
    LAST_TRANSFER_REQUIRED,
    /** Rule 19(1): an EACH record covers one provision, whose date is providedOn; a last provision means nothing. */
    LAST_TRANSFER_NOT_APPLICABLE,
    /** Art. 29(1): a record is made of a provision that happened, so its dates are not after today in Japan. */
    DATE_IN_FUTURE,
    /** The last provision a record covers is not before its first. */
    LAST_TRANSFER_BEFORE_PROVISION,
    /** Art. 27(1): the principal has not consented to provision for the purpose (consent-service's reason follows). */
    NO_CONSENT,
    /** consent-service refused to answer the check for this caller (a 4xx). */
    CONSENT_NOT_CONFIRMED,
    /** Art. 27(1), 28(1): consent is the basis, so the purpose it was given for must be named. */
    PURPOSE_REQUIRED,
    /** The tenant has no such purpose in consent-service. */
    UNKNOWN_PURPOSE,
    /** Art. 17(1), 27(1): the purpose does not state provision to third parties, so consent to it is not consent to provision. */
    PURPOSE_WITHOUT_PROVISION,
    /** Arts. 27(2), 35: the principal's provision is stopped on an approved request. */
    PROVISION_STOPPED,
    /** Art. 27(2) proviso: special care-required data is never provided by opt-out. */
    SENSITIVE_BY_OPT_OUT,
    /**
     * Art. 27(2) proviso (2020 amendment): personal data the company itself received by opt-out provision is not
     * provided onward by opt-out, so lists passed from broker to broker no longer escape the principal's reach.
     */
    RECEIVED_BY_OPT_OUT,
    /** Art. 27(2): opt-out provision needs a filing in force, started by the date of provision. */
    OPT_OUT_NOT_FILED,
    /** Art. 27(2)(iii): opt-out provision only of the items filed. */
    ITEM_OUTSIDE_OPT_OUT_FILING,
    /** Rule 19(2): opt-out provisions are recorded each time, never in bulk. */
    BULK_NOT_FOR_OPT_OUT,
    /** Rule 20(1)(i)(a): an opt-out record holds the date of provision. */
    PROVISION_DATE_REQUIRED,
    /** Art. 28(1): a recipient abroad needs a basis (consent with information for its country, equivalent measures, adequate country). */
    NO_CROSS_BORDER_BASIS,
    /** Art. 28(3); Rule 18(1)(ii): provision abroad is suspended. */
    CROSS_BORDER_SUSPENDED,
    /** Art. 28(3); Rule 18(1)(i): the recipient's equivalent measures were not checked within the period. */
    CROSS_BORDER_CHECK_OVERDUE,
    /** Art. 25: the contractor has no passing selection assessment in force. */
    CONTRACTOR_NOT_ASSESSED,
    /** Art. 25: a certification the contractor's selection relies on has expired. */
    CERTIFICATION_EXPIRED,
    /** Art. 25: no signed entrustment contract holding the required clauses. */
    CONTRACT_INCOMPLETE,
    /** Art. 25: a sub-contractor is used only with the client's approval of the sub-entrustment. */
    SUBCONTRACT_NOT_APPROVED,
    /** Art. 25: the contractor's latest audit failed. */
    AUDIT_FAILED,
    /** Art. 25: the periodic audit of the contractor is overdue; supervision lapses until it is held. */
    AUDIT_OVERDUE,
    /** Art. 25: a sub-contractor receives data only while the contractor that sub-entrusts to it may itself. */
    PARENT_CONTRACTOR_NOT_USABLE,
    /** Art. 27(5)(iii): joint use is made under a scheme. */
    SCHEME_REQUIRED,
    /** The scheme is neither the tenant's nor one it belongs to. */
    SCHEME_NOT_FOUND,
    /** No version of the scheme is in force on the date of provision. */
    SCHEME_NOT_IN_FORCE,
    /** Art. 27(5)(iii): the provider is not a joint user of the scheme. */
    PROVIDER_NOT_SCHEME_MEMBER,
    /** Art. 27(5)(iii): the recipient is not a joint user of the scheme. */
    RECIPIENT_NOT_SCHEME_MEMBER,
    /** Art. 27(5)(iii): only the items announced for the scheme are jointly used. */
    ITEM_OUTSIDE_SCHEME
}
