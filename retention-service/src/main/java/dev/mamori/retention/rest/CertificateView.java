package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.DeletionCertificate;
import dev.mamori.retention.repository.ErasureRepository.Evidence;
import dev.mamori.retention.service.CertificateService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deletion certificate (削除証明書) in JSON: what was erased, whose, when, why, confirmed by whom; and its digest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DeletionCertificate")
public record CertificateView(
        UUID id,
        String tenantId,
        @Schema(description = "PERIOD or REQUEST") String kind,

        @Schema(description = "First day covered (Japan time)")
        LocalDate from,

        @Schema(description = "Last day covered (Japan time)")
        LocalDate to,

        @Schema(description = "Erasures up to this instant (the issue time when the period reaches it)")
        OffsetDateTime coveredUntil,

        String requestRef,
        int count,

        @Schema(description = "SHA-256 (hex) over the canonical JSON array of the items' covered fields, as issued")
        String digest,

        String digestAlgorithm,

        @Schema(description = "The item fields the digest covers, in canonical order (no spaces, this key order)")
        List<String> digestCovers,

        OffsetDateTime issuedAt,
        String issuedBy,

        @Schema(
                description = "Each erased holding: the covered fields plus the owning system's confirmation; "
                        + "absent in a list of certificates")
        List<Map<String, Object>> items) {

    /** A certificate as a list shows it: what it covers, its count and digest, without the items. */
    static CertificateView summary(DeletionCertificate c, ZoneId zone) {
        return of(c, null, zone);
    }

    static CertificateView of(DeletionCertificate c, List<Evidence> items, ZoneId zone) {
        List<Map<String, Object>> shown = items == null
                ? null
                : items.stream()
                        .map(e -> {
                            Map<String, Object> m = new LinkedHashMap<>(CertificateService.covered(e));
                            m.put("erasureRequestStatus", e.requestStatus());
                            m.put("confirmedBy", e.confirmedBy());
                            m.put("confirmedAt", e.confirmedAt());
                            return m;
                        })
                        .toList();
        boolean period = c.requestRef == null;
        return new CertificateView(
                c.id,
                c.tenantId,
                period ? "PERIOD" : "REQUEST",
                period ? c.periodFrom.atZoneSameInstant(zone).toLocalDate() : null,
                period ? c.periodTo.atZoneSameInstant(zone).minusNanos(1).toLocalDate() : null,
                period ? c.periodTo.atZoneSameInstant(zone).toOffsetDateTime() : null,
                c.requestRef,
                c.itemCount,
                c.digest,
                "SHA-256",
                CertificateService.COVERED,
                c.issuedAt.atZoneSameInstant(zone).toOffsetDateTime(),
                c.issuedBy,
                shown);
    }
}
