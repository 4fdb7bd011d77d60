package dev.mamori.retention.repository;

import dev.mamori.retention.Holding;
import dev.mamori.retention.HoldingRule;
import dev.mamori.retention.RetentionBasis;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HoldingRepository implements PanacheRepositoryBase<Holding, UUID> {

    /**
     * One statement for a whole batch: each column travels as one array parameter and {@code unnest} zips them back
     * into rows, so the database parses no JSON and the service builds no entities. Arrays are bound as text[] and
     * int4[] (the types the reactive driver encodes from String[] and Integer[]) and cast per value here. A row that
     * is already registered (the unique key) is skipped, not an error; the count tells the caller whether any was.
     */
    private static final String INSERT = """
            WITH inserted AS (
                INSERT INTO holding (id, tenant_id, subject_ref, category_code, owning_system, locator, collected_at,
                                     retention_basis, retention_days, delete_after, registered_at, registered_by,
                                     contract_ref, rule, extension_id, extension_days)
                SELECT CAST(r.id AS uuid), :tenant, r.subject_ref, r.category_code, r.owning_system, r.locator,
                       CAST(r.collected_at AS timestamptz), r.retention_basis, r.retention_days,
                       CAST(r.delete_after AS timestamptz), CAST(:registeredAt AS timestamptz), :registeredBy,
                       r.contract_ref, r.rule, CAST(r.extension_id AS uuid), r.extension_days
                FROM unnest(CAST(:ids AS text[]), CAST(:subjects AS text[]), CAST(:categories AS text[]),
                            CAST(:systems AS text[]), CAST(:locators AS text[]), CAST(:collected AS text[]),
                            CAST(:bases AS text[]), CAST(:days AS int4[]), CAST(:deleteAfter AS text[]),
                            CAST(:contracts AS text[]), CAST(:rules AS text[]), CAST(:extensions AS text[]),
                            CAST(:extensionDays AS int4[]))
                     AS r(id, subject_ref, category_code, owning_system, locator, collected_at, retention_basis,
                          retention_days, delete_after, contract_ref, rule, extension_id, extension_days)
                ON CONFLICT (tenant_id, subject_ref, category_code, owning_system, locator) DO NOTHING
                RETURNING 1
            )
            SELECT count(*) FROM inserted""";

    /** The positions (0-based) of a batch's ids that are not in the table: the rows the insert skipped. */
    private static final String SKIPPED = """
            SELECT CAST(r.ord - 1 AS integer) FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS r(id, ord)
            WHERE NOT EXISTS (SELECT 1 FROM holding h WHERE h.id = CAST(r.id AS uuid))
            ORDER BY r.ord""";

    /**
     * A holding of a batch as it is inserted: plain values rather than a managed entity, since the session never
     * reads or changes these rows again and dirty tracking 5,000 entities costs more than the insert.
     */
    public record NewHolding(
            UUID id,
            String subjectRef,
            String categoryCode,
            String owningSystem,
            String locator,
            OffsetDateTime collectedAt,
            RetentionBasis retentionBasis,
            int retentionDays,
            String contractRef,
            HoldingRule rule,
            UUID extensionId,
            Integer extensionDays,
            OffsetDateTime deleteAfter) {}

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

    /** How many holdings match, and about how many distinct persons. */
    public record Counted(long holdings, long persons) {}

    /**
     * Counts a tenant's holdings of the named categories, optionally only in the named owning systems and collected
     * in [from, to): an incident's scope (APPI Art. 26; PPC Rule 8(1) "本人の数"). One statement, served by the index
     * holding_category (tenant, category).
     */
    public Uni<Counted> count(
            String tenantId,
            Collection<String> categories,
            Collection<String> systems,
            OffsetDateTime from,
            OffsetDateTime to) {
        StringBuilder sql = new StringBuilder("SELECT count(*), count(DISTINCT subject_ref) FROM holding "
                + "WHERE tenant_id = :tenant AND category_code IN (:categories)");
        if (systems != null && !systems.isEmpty()) {
            sql.append(" AND owning_system IN (:systems)");
        }
        if (from != null) {
            sql.append(" AND collected_at >= :from");
        }
        if (to != null) {
            sql.append(" AND collected_at < :to");
        }
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString(), Object[].class)
                    .setParameter("tenant", tenantId)
                    .setParameter("categories", categories);
            if (systems != null && !systems.isEmpty()) {
                q.setParameter("systems", systems);
            }
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            return q.getSingleResult()
                    .map(row -> new Counted(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        });
    }

    public Uni<List<Holding>> listForSubject(String tenantId, String subjectRef, int offset, int limit) {
        return find("tenantId = ?1 and subjectRef = ?2", Sort.by("collectedAt").and("id"), tenantId, subjectRef)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** Recomputes the deletion date of a contract's holdings (all categories, or the named ones). */
    public Uni<Integer> recomputeForContract(
            String tenantId, String contractRef, Collection<String> categories, ZoneId zone) {
        String filter =
                "h.contract_ref = :contract" + (categories == null ? "" : " AND h.category_code IN (:categories)");
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
    public Uni<Integer> recomputeForCategory(
            String tenantId, String categoryCode, String basis, int days, ZoneId zone) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE holding SET retention_basis = :basis, "
                        + "retention_days = :days WHERE tenant_id = :tenant AND category_code = :category")
                .setParameter("basis", basis)
                .setParameter("days", days)
                .setParameter("tenant", tenantId)
                .setParameter("category", categoryCode)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(RECOMPUTE.formatted("h.category_code = :category"))
                        .setParameter("tenant", tenantId)
                        .setParameter("zone", zone.getId())
                        .setParameter("category", categoryCode)
                        .executeUpdate()));
    }

    /**
     * Inserts the holdings of one tenant in one statement, in the session's transaction (with the idempotency claim
     * and the audit lines: all commit or none). Answers the positions of the rows that were skipped because the same
     * record was already registered, in order; empty when every row was inserted.
     */
    public Uni<List<Integer>> insertAll(
            String tenantId, OffsetDateTime registeredAt, String registeredBy, List<NewHolding> holdings) {
        int n = holdings.size();
        String[] ids = new String[n];
        String[] subjects = new String[n];
        String[] categories = new String[n];
        String[] systems = new String[n];
        String[] locators = new String[n];
        String[] collected = new String[n];
        String[] bases = new String[n];
        Integer[] days = new Integer[n];
        String[] deleteAfter = new String[n];
        String[] contracts = new String[n];
        String[] rules = new String[n];
        String[] extensions = new String[n];
        Integer[] extensionDays = new Integer[n];
        for (int i = 0; i < n; i++) {
            NewHolding h = holdings.get(i);
            ids[i] = h.id().toString();
            subjects[i] = h.subjectRef();
            categories[i] = h.categoryCode();
            systems[i] = h.owningSystem();
            locators[i] = h.locator();
            // ISO 8601 with the offset: exact to the microsecond, read by PostgreSQL whatever its TimeZone.
            collected[i] = h.collectedAt().toString();
            bases[i] = h.retentionBasis().name();
            days[i] = h.retentionDays();
            deleteAfter[i] = h.deleteAfter() == null ? null : h.deleteAfter().toString();
            contracts[i] = h.contractRef();
            rules[i] = h.rule().name();
            extensions[i] = h.extensionId() == null ? null : h.extensionId().toString();
            extensionDays[i] = h.extensionDays();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT, Long.class)
                .setParameter("tenant", tenantId)
                .setParameter("registeredAt", registeredAt)
                .setParameter("registeredBy", registeredBy)
                .setParameter("ids", ids)
                .setParameter("subjects", subjects)
                .setParameter("categories", categories)
                .setParameter("systems", systems)
                .setParameter("locators", locators)
                .setParameter("collected", collected)
                .setParameter("bases", bases)
                .setParameter("days", days)
                .setParameter("deleteAfter", deleteAfter)
                .setParameter("contracts", contracts)
                .setParameter("rules", rules)
                .setParameter("extensions", extensions)
                .setParameter("extensionDays", extensionDays)
                .getSingleResult()
                .chain(inserted -> inserted == n
                        ? Uni.createFrom().item(List.<Integer>of())
                        : s.createNativeQuery(SKIPPED, Integer.class)
                                .setParameter("ids", ids)
                                .getResultList()));
    }
}
