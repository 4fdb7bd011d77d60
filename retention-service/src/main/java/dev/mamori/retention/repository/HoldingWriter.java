package dev.mamori.retention.repository;

import dev.mamori.retention.ClientContract;
import dev.mamori.retention.DataCategory;
import dev.mamori.retention.Holding;
import dev.mamori.retention.RetentionBasis;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * One holding's write as plain prepared SQL on the reactive pool (see {@code PlainWrites}): one statement reads what
 * the holding is checked against, one inserts it. Client systems and operators register holdings one at a time as
 * they collect data, so this path runs at the rate of their traffic; the ORM's session, flush and entity lifecycle
 * cost more than the statements themselves here. Batches keep their own insert ({@link HoldingRepository#insertAll}).
 *
 * <p>No holding is looked up before it is inserted: the unique key {@value #SAME_RECORD} refuses an identical one
 * (the same record of the same person in the same system), also when two race; {@link #isSameRecord} tells that
 * failure apart.
 */
@ApplicationScoped
public class HoldingWriter {

    /** The unique key on (tenant, subject_ref, category_code, owning_system, locator), named in V8. */
    public static final String SAME_RECORD = "holding_same_record";

    /**
     * The category by code, the contract named (if any) and the extension it has in force for that category, in one
     * statement by their keys (unique (tenant, code), unique (tenant, ref), the extension's primary key): its cost
     * does not grow with the tenant. A null contract ref matches no contract and no extension.
     */
    private static final String FACTS = "SELECT c.code, c.retention_basis, c.retention_days, "
            + "k.ref, k.ends_on, x.extension_id, x.days FROM (SELECT 1) one "
            + "LEFT JOIN data_category c ON c.tenant_id = $1 AND c.code = $2 "
            + "LEFT JOIN client_contract k ON k.tenant_id = $1 AND k.ref = $3 "
            + "LEFT JOIN contract_extension_category x ON x.tenant_id = $1 AND x.contract_ref = $3 "
            + "AND x.category_code = $2";

    private static final String INSERT = "INSERT INTO holding (id, tenant_id, subject_ref, category_code, "
            + "owning_system, locator, collected_at, retention_basis, retention_days, delete_after, registered_at, "
            + "registered_by, contract_ref, rule, extension_id, extension_days) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";

    private static final String SAME = "SELECT id FROM holding WHERE tenant_id = $1 AND subject_ref = $2 "
            + "AND category_code = $3 AND owning_system = $4 AND locator = $5";

    /**
     * What one holding is checked against: its category and the contract it names (null when unknown), and the
     * extension that contract has in force for the category (null when none).
     */
    public record Facts(
            DataCategory category, ClientContract contract, ContractExtensionRepository.InForce extension) {}

    private final Pool pool;

    public HoldingWriter(Pool pool) {
        this.pool = pool;
    }

    /** Sends the read on subscription (no other statement waits for it). */
    public Uni<Facts> facts(SqlClient connection, String tenantId, String categoryCode, String contractRef) {
        return connection
                .preparedQuery(FACTS)
                .execute(Tuple.of(tenantId, categoryCode, contractRef))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    DataCategory category = null;
                    if (row.getString("code") != null) {
                        category = new DataCategory();
                        category.tenantId = tenantId;
                        category.code = row.getString("code");
                        category.retentionBasis = RetentionBasis.valueOf(row.getString("retention_basis"));
                        category.retentionDays = row.getInteger("retention_days");
                    }
                    ClientContract contract = null;
                    if (row.getString("ref") != null) {
                        contract = new ClientContract();
                        contract.tenantId = tenantId;
                        contract.ref = row.getString("ref");
                        contract.endsOn = row.getLocalDate("ends_on");
                    }
                    ContractExtensionRepository.InForce extension = row.getUUID("extension_id") == null
                            ? null
                            : new ContractExtensionRepository.InForce(
                                    row.getUUID("extension_id"), row.getInteger("days"));
                    return new Facts(category, contract, extension);
                });
    }

    /** The holding's row, as the ORM wrote it (enums by name). */
    public String insert() {
        return INSERT;
    }

    public Tuple values(Holding h) {
        return Tuple.tuple()
                .addUUID(h.id)
                .addString(h.tenantId)
                .addString(h.subjectRef)
                .addString(h.categoryCode)
                .addString(h.owningSystem)
                .addString(h.locator)
                .addOffsetDateTime(h.collectedAt)
                .addString(h.retentionBasis.name())
                .addInteger(h.retentionDays)
                .addOffsetDateTime(h.deleteAfter)
                .addOffsetDateTime(h.registeredAt)
                .addString(h.registeredBy)
                .addString(h.contractRef)
                .addString(h.rule.name())
                .addUUID(h.extensionId)
                .addInteger(h.extensionDays);
    }

    /** True when {@code failure} is the insert of a holding that is already registered ({@value #SAME_RECORD}). */
    public static boolean isSameRecord(Throwable failure) {
        return failure instanceof PgException pg
                && "23505".equals(pg.getSqlState())
                && SAME_RECORD.equals(pg.getConstraint());
    }

    /**
     * The id of the holding already registered as this record, or null if it is gone again (erased meanwhile). Read
     * only after an insert was refused as {@link #isSameRecord}, to name it in the answer.
     */
    public Uni<UUID> sameRecord(
            String tenantId, String subjectRef, String categoryCode, String owningSystem, String locator) {
        return pool.preparedQuery(SAME)
                .execute(Tuple.of(tenantId, subjectRef, categoryCode, owningSystem, locator))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    return found.hasNext() ? found.next().getUUID("id") : null;
                });
    }
}
