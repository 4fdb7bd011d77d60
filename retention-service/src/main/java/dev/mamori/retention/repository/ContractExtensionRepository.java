package dev.mamori.retention.repository;

import dev.mamori.retention.ContractExtension;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ContractExtensionRepository implements PanacheRepositoryBase<ContractExtension, UUID> {

    /** The extension in force per contract and category, as an id and its days. */
    public record InForce(UUID extensionId, int days) {}

    public Uni<List<ContractExtension>> listForContract(String tenantId, String contractRef, int offset, int limit) {
        return find("tenantId = ?1 and contractRef = ?2", Sort.by("grantedAt").and("id"), tenantId, contractRef)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** Makes {@code extension} the one in force for each of its categories (a later one replaces an earlier one). */
    public Uni<Integer> putInForce(ContractExtension extension) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        INSERT INTO contract_extension_category (tenant_id, contract_ref, category_code, extension_id, days)
                        SELECT :tenant, :contract, code, CAST(:id AS uuid), :days
                        FROM unnest(CAST(:codes AS text[])) AS code
                        ON CONFLICT (tenant_id, contract_ref, category_code)
                        DO UPDATE SET extension_id = excluded.extension_id, days = excluded.days""")
                .setParameter("tenant", extension.tenantId)
                .setParameter("contract", extension.contractRef)
                .setParameter("id", extension.id.toString())
                .setParameter("days", extension.days)
                .setParameter("codes", extension.categoryCodes.toArray(String[]::new))
                .executeUpdate());
    }

    /** In force for the given contracts, keyed by contract ref + NUL + category code. */
    public Uni<Map<String, InForce>> inForce(String tenantId, Collection<String> contractRefs) {
        if (contractRefs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT contract_ref, category_code, "
                                        + "CAST(extension_id AS text), days FROM contract_extension_category "
                                        + "WHERE tenant_id = :tenant AND contract_ref IN (:refs)",
                                Object[].class)
                        .setParameter("tenant", tenantId)
                        .setParameter("refs", contractRefs)
                        .getResultList())
                .map(rows -> {
                    Map<String, InForce> byKey = new HashMap<>();
                    for (Object[] row : rows) {
                        byKey.put(
                                key((String) row[0], (String) row[1]),
                                new InForce(UUID.fromString((String) row[2]), ((Number) row[3]).intValue()));
                    }
                    return byKey;
                });
    }

    public static String key(String contractRef, String categoryCode) {
        return contractRef + '\u0000' + categoryCode;
    }
}
