package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.SchemeChange;
import dev.mamori.thirdparty.service.JointUseService.SchemeWithVersions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A joint-use scheme as one tenant sees it: marked RESPONSIBLE (its own) or MEMBER (a scheme it belongs to). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JointUseScheme")
public record JointUseSchemeView(
        UUID id,
        String title,

        @Schema(description = "RESPONSIBLE for the tenant that manages it, MEMBER for a joint user")
        String role,

        @Schema(description = "The tenant responsible for management")
        String responsibleTenant,

        String group,
        int currentVersion,

        @Schema(description = "The version in force today, if any")
        Integer versionInForce,

        @Schema(description = "Every version, oldest first") List<Version> versions,
        OffsetDateTime createdAt) {

    @Schema(name = "JointUseSchemeVersion")
    public record Version(
            int version,

            @Schema(description = "Art. 27(5)(iii): that the data is jointly used")
            boolean jointUse,

            List<String> dataItems,

            @Schema(description = "Scope of joint users: member tenants besides the responsible one")
            List<String> members,

            List<String> purposes,
            Responsible responsible,
            LocalDate effectiveFrom,
            List<SchemeChange> changes,

            @Schema(description = "Art. 27(5)(iii), 27(6): the version was notified before it took effect")
            boolean advanceNoticeRequired,

            @Schema(
                    description =
                            "Art. 27(6): the version needed a notice date at all (in advance, or by its effective "
                                    + "date for a change of the responsible person's name, address or representative)")
            boolean noticeRequired,

            LocalDate noticeOn,
            OffsetDateTime publishedAt,
            String publishedBy) {

        static Version of(JointUseSchemeVersion v) {
            return new Version(
                    v.version,
                    true,
                    v.dataItems,
                    v.members,
                    v.purposes,
                    new Responsible(v.responsibleName, v.responsibleAddress, v.responsibleRepresentative),
                    v.effectiveFrom,
                    v.changes,
                    v.advanceNoticeRequired,
                    v.noticeRequired,
                    v.noticeOn,
                    v.publishedAt,
                    v.publishedBy);
        }
    }

    @Schema(name = "JointUseResponsiblePerson")
    public record Responsible(String name, String address, String representative) {}

    /** The scheme with the version in force on {@code today} (a day in Japan). */
    static JointUseSchemeView of(SchemeWithVersions s, LocalDate today) {
        Integer inForce = s.versions().stream()
                .filter(v -> !v.effectiveFrom.isAfter(today))
                .map(v -> v.version)
                .reduce((a, b) -> b)
                .orElse(null);
        return new JointUseSchemeView(
                s.scheme().id,
                s.scheme().title,
                s.responsible() ? "RESPONSIBLE" : "MEMBER",
                s.scheme().tenantId,
                s.scheme().groupId,
                s.scheme().currentVersion,
                inForce,
                s.versions().stream().map(Version::of).toList(),
                s.scheme().createdAt);
    }
}
