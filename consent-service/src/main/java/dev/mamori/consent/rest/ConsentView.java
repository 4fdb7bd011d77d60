package dev.mamori.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.consent.Consent;
import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.ConsentMethod;
import dev.mamori.consent.ConsentWithdrawal;
import dev.mamori.consent.SensitiveCategory;
import dev.mamori.consent.UseStop;
import dev.mamori.consent.service.ConsentService.RecordedConsent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded consent or refusal with its evidence and, once withdrawn, its withdrawal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Consent")
public record ConsentView(
        UUID id,
        String subjectRef,
        String purpose,
        int purposeVersion,
        ConsentDecision decision,

        @Schema(description = "GIVEN, REFUSED, WITHDRAWN or EXPIRED at the time of the answer")
        String status,

        ConsentMethod method,
        Evidence evidence,
        OffsetDateTime expiresAt,
        List<SensitiveCategory> sensitiveCategories,
        LocalDate subjectBirthDate,
        Guardian guardian,
        Withdrawal withdrawal) {

    @Schema(name = "RecordedEvidence")
    public record Evidence(
            String channel,
            String noticeVersion,
            String language,
            OffsetDateTime capturedAt,
            String userAgent,
            String anonymisedIp,
            String recordingRef,
            String operatorRef,
            String recordedBy,
            String recordedByClient,
            OffsetDateTime recordedAt) {}

    @Schema(name = "RecordedGuardian")
    public record Guardian(String name, String relation, String verification) {}

    @Schema(name = "Withdrawal")
    public record Withdrawal(OffsetDateTime withdrawnAt, String channel, String reason, String recordedBy) {}

    @Schema(name = "UseStop")
    public record UseStopView(
            UUID id,
            String subjectRef,
            String purpose,
            String requestRef,
            String ground,
            OffsetDateTime stoppedAt,
            String stoppedBy,
            OffsetDateTime liftedAt,
            String liftedBy,
            String liftReason) {
        static UseStopView of(UseStop s) {
            return new UseStopView(
                    s.id,
                    s.subjectRef,
                    s.purposeCode,
                    s.requestRef,
                    s.ground,
                    s.stoppedAt,
                    s.stoppedBy,
                    s.liftedAt,
                    s.liftedBy,
                    s.liftReason);
        }
    }

    static ConsentView of(RecordedConsent recorded) {
        Consent c = recorded.consent();
        ConsentWithdrawal w = recorded.withdrawal();
        String status = c.decision == ConsentDecision.REFUSED
                ? "REFUSED"
                : w != null
                        ? "WITHDRAWN"
                        : c.expiresAt != null && !c.expiresAt.isAfter(OffsetDateTime.now()) ? "EXPIRED" : "GIVEN";
        return new ConsentView(
                c.id,
                c.subjectRef,
                c.purposeCode,
                c.purposeVersion,
                c.decision,
                status,
                c.method,
                new Evidence(
                        c.channel,
                        c.noticeVersion,
                        c.language,
                        c.capturedAt,
                        c.userAgent,
                        c.anonymisedIp,
                        c.recordingRef,
                        c.operatorRef,
                        c.actorSubject,
                        c.actorClient,
                        c.recordedAt),
                c.expiresAt,
                c.sensitiveCategories,
                c.subjectBirthDate,
                c.guardianName == null
                        ? null
                        : new Guardian(c.guardianName, c.guardianRelation, c.guardianVerification),
                w == null ? null : new Withdrawal(w.withdrawnAt, w.channel, w.reason, w.actorSubject));
    }
}
