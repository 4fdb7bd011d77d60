package dev.mamori.request.service;

import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.FulfilmentTask;
import java.util.List;

/**
 * A request with its personal data decrypted and cut down to the caller's {@link PersonalDataView}: fields the view
 * does not show are null, masked fields hold their masked form. {@code tasks} are its outbox rows (per-target
 * status), {@code businessDaysLeft} the Japanese business days to the due date as of today (null once the request is
 * closed), {@code identityCopiesHeld} the identity document copies not yet deleted.
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
        List<FulfilmentTask> tasks,
        long identityCopiesHeld) {

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
            String requestedContent) {
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
                tasks,
                identityCopiesHeld);
    }
}
