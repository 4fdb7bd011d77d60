package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.OptOutFilingVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OptOutFilingVersionRepository implements PanacheRepositoryBase<OptOutFilingVersion, UUID> {

    /** Oldest first: the change log. */
    public Uni<List<OptOutFilingVersion>> versionsOf(UUID filingId) {
        return find("filingId", Sort.by("version"), filingId).list();
    }

    /**
     * The current version of every filing of the tenant not withdrawn on {@code on}: a withdrawal takes effect on its
     * date ({@code withdrawnOn} is the day opt-out provision ended), so one recorded in advance leaves the filing in
     * force until then, and a provision made before the withdrawal can still be recorded under it.
     */
    public Uni<List<OptOutFilingVersion>> currentOfTenant(String tenantId, LocalDate on) {
        return find(
                        "from OptOutFilingVersion v where v.tenantId = ?1 and exists (select 1 from OptOutFiling f"
                                + " where f.id = v.filingId and f.currentVersion = v.version"
                                + " and (f.withdrawnOn is null or f.withdrawnOn > ?2))",
                        tenantId,
                        on)
                .list();
    }
}
