package dev.mamori.request.service;

import dev.mamori.request.DataSubjectRequest;

/**
 * A request with its personal data decrypted and cut down to the caller's {@link PersonalDataView}: fields the view
 * does not show are null, masked fields hold their masked form.
 */
public record RequestDetails(
        DataSubjectRequest request,
        boolean overdue,
        PersonalDataView view,
        String requesterName,
        String email,
        String phone,
        String postalAddress,
        String agentEvidence,
        String claimedUntrue,
        String requestedContent) {
}
