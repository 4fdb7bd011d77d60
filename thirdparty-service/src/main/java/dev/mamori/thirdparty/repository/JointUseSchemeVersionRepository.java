package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.JointUseSchemeVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JointUseSchemeVersionRepository implements PanacheRepositoryBase<JointUseSchemeVersion, UUID> {

    /** Every version of the scheme, oldest first. */
    public Uni<List<JointUseSchemeVersion>> versionsOf(UUID schemeId) {
        return find("schemeId", Sort.by("version"), schemeId).list();
    }

    /** The version in force on a day: the newest whose effective date has come. */
    public Uni<JointUseSchemeVersion> inForce(UUID schemeId, LocalDate on) {
        return find("schemeId = ?1 and effectiveFrom <= ?2", Sort.descending("version"), schemeId, on)
                .firstResult();
    }
}
