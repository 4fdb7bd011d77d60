package dev.mamori.request.service;

import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;

/**
 * How much of a requester's personal data a caller sees (APPI Art. 23: access limited to what the work needs).
 * The privacy officer decides the request and needs all of it. Everyone else (operators verifying identity, the
 * client system, auditors, services) sees the name and the agent's evidence, contact details masked, and not the
 * content of a correction claim.
 */
public enum PersonalDataView {
    FULL,
    MASKED,
    /**
     * The answer to an intake: the name masked as well. It is kept in plain text by the idempotency store to answer
     * retries, so it carries nothing the caller did not just send and nothing that identifies the person.
     */
    RECEIPT;

    public static PersonalDataView forReader(TenantContext caller) {
        return caller.hasRole(Roles.PRIVACY_OFFICER) ? FULL : MASKED;
    }
}
