package dev.mamori.consent.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UseStopDraft")
public record UseStopDraft(
        @Schema(description = "Purpose codes to stop; absent or empty stops every purpose") @Size(max = 100)
        List<@NotBlank @Size(max = 64) String> purposes,

        @Schema(description = "The data-subject request that decided it", example = "req-2026-0001")
        @NotBlank
        @Size(max = 100)
        String requestRef,

        @NotNull Ground ground) {

    /** The grounds of APPI Art. 35 on which use may be stopped. */
    public enum Ground {
        /** Art. 35(1): handled in breach of Arts. 18 or 19, or acquired in breach of Art. 20. */
        ART_35_1,
        /** Art. 35(5): no longer needed by the business. */
        ART_35_5_NO_LONGER_NEEDED,
        /** Art. 35(5): a reportable leak (Art. 26(1)) involved the person's data. */
        ART_35_5_LEAK,
        /** Art. 35(5): risk of harm to the person's rights or legitimate interests. */
        ART_35_5_HARM_RISK,
        /** The client company agreed to stop beyond what the law requires. */
        VOLUNTARY,
        /**
         * Art. 35(1), (5): the person's data was erased on their request; every purpose stops and decisions answer
         * {@code ERASED}. Names no purposes.
         */
        ERASURE
    }
}
