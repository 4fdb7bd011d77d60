package dev.mamori.request.service;

import dev.mamori.request.DeliveryMethod;
import dev.mamori.request.RequestType;
import dev.mamori.request.StopGround;
import dev.mamori.request.service.RequestIntake.Agent;
import dev.mamori.request.service.RequestIntake.Correction;
import dev.mamori.request.service.RequestIntake.Requester;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request as the requester files it on the privacy center. Unlike {@link RequestIntake} it names no subjectRef
 * (the requester does not know the company's reference) but how the company may know the person; the
 * type-specific parts follow the same rules ({@link IntakeRules}). The requester's email is required: the
 * one-time code that confirms the filing is mailed there.
 */
@Schema(name = "OnlineFiling")
public record OnlineFilingForm(
        @Schema(example = "DISCLOSURE") @NotNull RequestType type,

        @Schema(description = "The one filing; contact.email is required here (the code is mailed to it)")
        @NotNull
        @Valid
        Requester requester,

        @Schema(description = "Required when the requester is not the person (Art. 37(3))") @Valid
        Agent agent,

        @Schema(description = "How the company may know the person the request is about") @NotNull @Valid
        Person person,

        @Schema(description = "DISCLOSURE and PROVISION_RECORD_DISCLOSURE: how the person wants the data (Art. 33(1))")
        DeliveryMethod deliveryMethod,

        @Schema(description = "USE_STOP, ERASURE and PROVISION_STOP: the Art. 35 trigger the person relies on")
        StopGround ground,

        @Schema(description = "CORRECTION: what the person says is untrue (Art. 34(1))") @Valid
        Correction correction,

        @Schema(
                description = "The requester agreed to the handling of the form's own data, as the form explains "
                        + "it; must be true")
        @NotNull
        @AssertTrue(message = "must be true: the form's data is handled only with the requester's agreement")
        Boolean formConsent,

        @Schema(
                description = "Language of the mails",
                enumeration = {"ja", "en"},
                example = "ja")
        @NotNull
        @Pattern(regexp = "ja|en", message = "must be ja or en")
        String language) {

    @Schema(name = "FiledPerson")
    public record Person(
            @Schema(example = "山田 花子") @NotBlank @Size(max = 200)
            String name,

            @Schema(example = "hanako@example.jp") @Email @Size(max = 254)
            String email,

            @Schema(example = "090-1234-5678")
            @Pattern(
                    regexp = "\\+?[0-9][0-9 ()-]{5,30}",
                    message = "must be a phone number of digits, spaces, '-', '(' or ')'")
            String phone,

            @Schema(
                    description = "The person's number with the company, when the requester knows it",
                    example = "C-1234")
            @Size(max = 100)
            String customerNumber) {

        boolean identifiable() {
            return !blank(email) || !blank(phone) || !blank(customerNumber);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
