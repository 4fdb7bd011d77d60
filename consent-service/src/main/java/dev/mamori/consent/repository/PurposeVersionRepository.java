package dev.mamori.consent.repository;

import dev.mamori.consent.PurposeVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PurposeVersionRepository implements PanacheRepositoryBase<PurposeVersion, UUID> {

    public Uni<List<PurposeVersion>> versionsOf(String tenantId, UUID purposeId) {
        return list("tenantId = ?1 and purposeId = ?2", Sort.by("version"), tenantId, purposeId);
    }

    /** The version in force of each of the given purposes. */
    public Uni<List<PurposeVersion>> currentVersions(String tenantId, Collection<UUID> purposeIds) {
        if (purposeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list(
                "select v from PurposeVersion v, Purpose p where v.purposeId = p.id and v.version = p.currentVersion"
                        + " and p.tenantId = ?1 and p.id in ?2",
                tenantId,
                purposeIds);
    }
}
