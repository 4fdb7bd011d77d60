package dev.mamori.request.service;

import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.FulfilmentTask;
import java.util.List;

/**
 * A request with its personal data decrypted and cut down to the caller's {@link PersonalDataView}: fields the view
 * does not show are null, masked fields hold their masked form. {@code tasks} are its outbox rows (per-target
 * status), {@code businessDaysLeft} the Japanese business days to the due date as of today (null once the request is
 * closed), {@code identityCopiesHeld} the identity document copies not yet deleted, {@code identifiers} how the
 * requester of an online filing identified the person (null for other requests), cut down like the rest.
 */
public record RequestDetails(
        DataSubjectRequest request,
        boolean overdue,
        Integer businessDaysLeft,
        PersonalDataView view,
        String requesterName,
        String email,
        String phone,
        String postalAddress,
        String agentEvidence,
        String claimedUntrue,
        String requestedContent,
        Identifiers identifiers,
        List<FulfilmentTask> tasks,
        long identityCopiesHeld) {

    /** How an online filing's requester identified the person, as far as the view shows it. */
    public record Identifiers(String name, String email, String phone, String customerNumber) {}

    public RequestDetails(
            DataSubjectRequest request,
            boolean overdue,
            Integer businessDaysLeft,
            PersonalDataView view,
            String requesterName,
            String email,
            String phone,
            String postalAddress,
            String agentEvidence,
            String claimedUntrue,
            String requestedContent,
            Identifiers identifiers) {
        this(
                request,
                overdue,
                businessDaysLeft,
                view,
                requesterName,
                email,
                phone,
                postalAddress,
                agentEvidence,
                claimedUntrue,
                requestedContent,
                identifiers,
                List.of(),
                0);
    }

    public RequestDetails with(List<FulfilmentTask> tasks, long identityCopiesHeld) {
        return new RequestDetails(
                request,
                overdue,
                businessDaysLeft,
                view,
                requesterName,
                email,
                phone,
                postalAddress,
                agentEvidence,
                claimedUntrue,
                requestedContent,
                identifiers,
                tasks,
                identityCopiesHeld);
    }
}
