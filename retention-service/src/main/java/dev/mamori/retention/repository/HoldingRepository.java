package dev.mamori.retention.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.retention.Holding;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class HoldingRepository implements PanacheRepositoryBase<Holding, UUID> {

    /**
     * One statement for many rows: the rows travel as one JSON parameter and {@code jsonb_to_recordset} turns them
     * into a multi-row insert. A row that is already registered (the unique key) is skipped, not an error, so the
     * caller learns exactly which rows were not new from the ids returned.
     */
    private static final String INSERT = "INSERT INTO holding (id, tenant_id, subject_ref, category_code, "
            + "owning_system, locator, collected_at, retention_basis, retention_days, delete_after, registered_at, "
            + "registered_by, contract_ref, rule, extension_id, extension_days) "
            + "SELECT r.id, :tenant, r.subject_ref, r.category_code, r.owning_system, r.locator, r.collected_at, "
            + "r.retention_basis, r.retention_days, r.delete_after, r.registered_at, r.registered_by, r.contract_ref, "
            + "r.rule, r.extension_id, r.extension_days "
            + "FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(id uuid, subject_ref text, category_code text, "
            + "owning_system text, locator text, collected_at timestamptz, retention_basis text, retention_days integer, "
            + "delete_after timestamptz, registered_at timestamptz, registered_by text, contract_ref text, rule text, "
            + "extension_id uuid, extension_days integer) "
            + "ON CONFLICT (tenant_id, subject_ref, category_code, owning_system, locator) DO NOTHING "
            + "RETURNING id";

    /**
     * The deletion rules of {@code RetentionPolicy.decide}, set-based: recomputes rule and deletion instant of every
     * holding of a tenant that matches the filter, in one statement, touching only rows whose answer changed.
     * Calendar days count in the retention zone; a contract ends at the start of the day after its last day.
     */
    private static final String RECOMPUTE = """
            WITH calc AS (
                SELECT h.id, h.retention_basis, h.retention_days, x.extension_id, x.days AS ext_days,
                       ((h.collected_at AT TIME ZONE :zone) + make_interval(days => h.retention_days)) AT TIME ZONE :zone
                           AS by_collection,
                       CASE WHEN c.ends_on IS NULL THEN NULL ELSE CAST(c.ends_on + 1 AS timestamp) AT TIME ZONE :zone END
                           AS contract_end,
                       c.ends_on
                FROM holding h
                LEFT JOIN client_contract c ON c.tenant_id = h.tenant_id AND c.ref = h.contract_ref
                LEFT JOIN contract_extension_category x ON x.tenant_id = h.tenant_id
                     AND x.contract_ref = h.contract_ref AND x.category_code = h.category_code
                WHERE h.tenant_id = :tenant AND %s
            ), decided AS (
                SELECT id, extension_id,
                       CASE WHEN extension_id IS NOT NULL THEN ext_days END AS extension_days,
                       CASE WHEN extension_id IS NOT NULL THEN 'EXTENSION'
                            WHEN retention_basis = 'CONTRACT_END' THEN 'CATEGORY'
                            WHEN contract_end IS NOT NULL AND contract_end < by_collection THEN 'CONTRACT_ENDED'
                            ELSE 'CATEGORY' END AS rule,
                       CASE WHEN extension_id IS NOT NULL
                                THEN CAST(ends_on + 1 + ext_days AS timestamp) AT TIME ZONE :zone
                            WHEN retention_basis = 'CONTRACT_END'
                                THEN CAST(ends_on + 1 + retention_days AS timestamp) AT TIME ZONE :zone
                            WHEN contract_end IS NOT NULL AND contract_end < by_collection THEN contract_end
                            ELSE by_collection END AS delete_after
                FROM calc
            )
            UPDATE holding h
            SET rule = d.rule, extension_id = d.extension_id, extension_days = d.extension_days,
                delete_after = d.delete_after
            FROM decided d
            WHERE h.id = d.id
              AND (h.rule <> d.rule OR h.delete_after IS DISTINCT FROM d.delete_after
                   OR h.extension_id IS DISTINCT FROM d.extension_id)
            """;

    private final ObjectMapper json;

    public HoldingRepository(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Holding> findSame(String tenantId, String subjectRef, String categoryCode, String owningSystem,
                                 String locator) {
        return find("tenantId = ?1 and subjectRef = ?2 and categoryCode = ?3 and owningSystem = ?4 and locator = ?5",
                tenantId, subjectRef, categoryCode, owningSystem, locator).firstResult();
    }

    public Uni<List<Holding>> listForSubject(String tenantId, String subjectRef, int offset, int limit) {
        return find("tenantId = ?1 and subjectRef = ?2", Sort.by("collectedAt").and("id"), tenantId, subjectRef)
                .range(offset, offset + limit - 1).list();
    }

    /** Recomputes the deletion date of a contract's holdings (all categories, or the named ones). */
    public Uni<Integer> recomputeForContract(String tenantId, String contractRef, Collection<String> categories,
                                             ZoneId zone) {
        String filter = "h.contract_ref = :contract" + (categories == null ? "" : " AND h.category_code IN (:categories)");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(RECOMPUTE.formatted(filter))
                    .setParameter("tenant", tenantId)
                    .setParameter("zone", zone.getId())
                    .setParameter("contract", contractRef);
            if (categories != null) {
                q.setParameter("categories", categories);
            }
            return q.executeUpdate();
        });
    }

    /** Applies a category's new rule to its holdings and recomputes their deletion dates. */
    public Uni<Integer> recomputeForCategory(String tenantId, String categoryCode, String basis, int days,
                                             ZoneId zone) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE holding SET retention_basis = :basis, "
                        + "retention_days = :days WHERE tenant_id = :tenant AND category_code = :category")
                .setParameter("basis", basis).setParameter("days", days)
                .setParameter("tenant", tenantId).setParameter("category", categoryCode)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(RECOMPUTE.formatted("h.category_code = :category"))
                        .setParameter("tenant", tenantId)
                        .setParameter("zone", zone.getId())
                        .setParameter("category", categoryCode)
                        .executeUpdate()));
    }

    /** Inserts the holdings of one tenant in one statement; answers the ids actually inserted. */
    public Uni<Set<UUID>> insertAll(String tenantId, List<Holding> holdings) {
        List<Map<String, Object>> rows = new ArrayList<>(holdings.size());
        for (Holding h : holdings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", h.id.toString());
            row.put("subject_ref", h.subjectRef);
            row.put("category_code", h.categoryCode);
            row.put("owning_system", h.owningSystem);
            row.put("locator", h.locator);
            row.put("collected_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.collectedAt));
            row.put("retention_basis", h.retentionBasis.name());
            row.put("retention_days", h.retentionDays);
            row.put("delete_after", h.deleteAfter == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.deleteAfter));
            row.put("registered_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(h.registeredAt));
            row.put("registered_by", h.registeredBy);
            row.put("contract_ref", h.contractRef);
            row.put("rule", h.rule.name());
            row.put("extension_id", h.extensionId == null ? null : h.extensionId.toString());
            row.put("extension_days", h.extensionDays);
            rows.add(row);
        }
        String parameter;
        try {
            parameter = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize holdings", e);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT, Object.class)
                .setParameter("tenant", tenantId)
                .setParameter("rows", parameter)
                .getResultList())
                .map(ids -> {
                    Set<UUID> inserted = new HashSet<>(ids.size() * 2);
                    ids.forEach(id -> inserted.add(id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())));
                    return inserted;
                });
    }
}
