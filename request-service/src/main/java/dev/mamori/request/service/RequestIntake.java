package dev.mamori.request.service;

import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.validation.NotFuture;
import dev.mamori.request.AgentType;
import dev.mamori.request.Channel;
import dev.mamori.request.CorrectionKind;
import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestType;
import dev.mamori.request.RequesterRelation;
import dev.mamori.request.StopGround;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request as it is taken in: by a client company's system, or by an operator who received it by phone, letter,
 * email or in person. Which of the optional parts are required depends on {@code type}: see {@link RequestType}.
 */
@Schema(name = "RequestIntake")
public record RequestIntake(
        @Schema(example = "DISCLOSURE") @NotNull RequestType type,

        @Schema(
                description = "The client company's reference of the person the request is about (not a name)",
                example = "cust-000123")
        @NotNull
        @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
        String subjectRef,

        @Schema(
                description = "How the request arrived; defaults to CLIENT_SYSTEM for client-system callers",
                example = "PHONE")
        Channel channel,

        @Schema(
                description = "When the request arrived (Art. 39(2)); defaults to now. A letter entered later keeps "
                        + "its arrival time.")
        @NotFuture
        OffsetDateTime receivedAt,

        @NotNull @Valid Requester requester,

        @Schema(description = "Required when the requester is not the person (Art. 37(3))") @Valid
        Agent agent,

        @Schema(description = "DISCLOSURE and PROVISION_RECORD_DISCLOSURE: how the person wants the data (Art. 33(1))")
        DeliveryMethod deliveryMethod,

        @Schema(description = "USE_STOP, ERASURE and PROVISION_STOP: the Art. 35 trigger the person relies on")
        StopGround ground,

        @Schema(description = "CORRECTION: what the person says is untrue (Art. 34(1))") @Valid
        Correction correction,

        @Schema(description = "The caller's own id of this request", example = "crm-4711") @Size(max = 128)
        String externalId,

        @Schema(
                description = "Where status changes will be called back (https; "
                        + "checked against the suite's outbound rule when given and before each call)",
                example = "https://client.example.jp/hooks/requests")
        @Size(max = 2000)
        @Pattern(regexp = "https?://[^\\s/?#@]+(/[^\\s]*)?", message = "must be an http(s) URL")
        String callbackUrl) {

    @Schema(name = "Requester")
    public record Requester(
            @Schema(example = "山田 太郎") @NotBlank @Size(max = 200)
            String name,

            @Schema(example = "SELF") @NotNull RequesterRelation relation,

            @Schema(
                    description = "At least one way to reach the requester; the result must be notified to them "
                            + "(Arts. 32(3), 33(3), 34(3), 35(7))")
            @NotNull
            @Valid
            Contact contact) {}

    @Schema(name = "Contact")
    public record Contact(
            @Schema(example = "taro@example.jp") @Email @Size(max = 254)
            String email,

            @Schema(example = "090-1234-5678")
            @Pattern(
                    regexp = "\\+?[0-9][0-9 ()-]{5,30}",
                    message = "must be a phone number of digits, spaces, '-', '(' or ')'")
            String phone,

            @Schema(example = "〒108-0075 東京都港区港南2-16-1") @Size(max = 500)
            String postalAddress) {

        boolean isEmpty() {
            return blank(email) && blank(phone) && blank(postalAddress);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    @Schema(name = "Agent")
    public record Agent(
            @Schema(example = "POWER_OF_ATTORNEY") @NotNull AgentType type,

            @Schema(description = "The document showing the agency, as received", example = "委任状（本人の実印押印）と印鑑登録証明書")
            @NotBlank
            @Size(max = 1000)
            String evidenceDescription) {}

    @Schema(name = "Correction")
    public record Correction(
            @Schema(example = "CORRECTION") @NotNull CorrectionKind kind,

            @Schema(description = "The data item concerned", example = "postal address") @NotBlank @Size(max = 200)
            String dataItem,

            @Schema(description = "What the person says is untrue", example = "登録住所が転居前のままです")
            @NotBlank
            @Size(max = 4000)
            String claimedUntrue,

            @Schema(description = "What the content should be, when the person says", example = "東京都港区港南2-16-1")
            @Size(max = 4000)
            String requestedContent) {}
}
