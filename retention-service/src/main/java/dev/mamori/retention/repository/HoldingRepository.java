package dev.mamori.retention.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.retention.Holding;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
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
            + "registered_by) "
            + "SELECT r.id, :tenant, r.subject_ref, r.category_code, r.owning_system, r.locator, r.collected_at, "
            + "r.retention_basis, r.retention_days, r.delete_after, r.registered_at, r.registered_by "
            + "FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(id uuid, subject_ref text, category_code text, "
            + "owning_system text, locator text, collected_at timestamptz, retention_basis text, retention_days integer, "
            + "delete_after timestamptz, registered_at timestamptz, registered_by text) "
            + "ON CONFLICT (tenant_id, subject_ref, category_code, owning_system, locator) DO NOTHING "
            + "RETURNING id";

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
