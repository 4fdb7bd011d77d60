package dev.mamori.thirdparty.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which tenants form each company group, for joint use within a group (APPI Art. 27(5)(iii)). The one source of truth
 * is the identity provider: its tokens carry the caller's {@code group} claim. A token tells only its own tenant's
 * group, so to know a group's other members this directory keeps what each tenant's own tokens last said: whenever
 * a token with a {@code tenant} claim calls (any endpoint, {@link GroupClaimRecorder}), its group claim, or the absence
 * of one, is recorded for that tenant. Chosen over a group API or configuration because it needs nothing kept in step
 * by hand and works the same in every profile; a caller can never place another tenant in a group, only its own
 * tokens can. The price: a tenant is known as a member only once one of its tokens has called this service, which
 * every tenant that takes part in joint use does (it reads the schemes it belongs to).
 *
 * <p>Writing is skipped while this replica already wrote the same value within {@link #RECHECK}, so the hot path
 * costs a map look-up; after {@link #RECHECK} the value is written again, so another replica's change is corrected.
 */
@ApplicationScoped
public class GroupDirectory {

    /** How long a replica trusts that the row it wrote still holds (another replica may have changed it since). */
    static final Duration RECHECK = Duration.ofMinutes(1);

    static final int MAX_REMEMBERED = 10_000;
    /** A group claim the directory keeps: the shape of a tenant id; anything else is no group. */
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private record Written(String group, long atNanos) {}

    private final Pool pool;
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    public GroupDirectory(Pool pool) {
        this.pool = pool;
    }

    /** Whether a token's group claim names a group this directory can hold. */
    public static boolean isGroup(String group) {
        return group != null && GROUP.matcher(group).matches();
    }

    /** Records what one of the tenant's own tokens says of its group (null: in no group). */
    public Uni<Void> recordFromToken(String tenantId, String group) {
        String value = isGroup(group) ? group : "";
        long now = System.nanoTime();
        Written last = written.get(tenantId);
        if (last != null && last.group().equals(value) && now - last.atNanos() < RECHECK.toNanos()) {
            return Uni.createFrom().voidItem();
        }
        Uni<?> write = value.isEmpty()
                ? pool.preparedQuery("DELETE FROM tenant_group WHERE tenant_id = $1")
                        .execute(Tuple.of(tenantId))
                : pool.preparedQuery(
                                "INSERT INTO tenant_group (tenant_id, group_id, seen_at) VALUES ($1, $2, now()) "
                                        + "ON CONFLICT (tenant_id) DO UPDATE SET group_id = EXCLUDED.group_id, seen_at = EXCLUDED.seen_at")
                        .execute(Tuple.of(tenantId, value));
        return write.invoke(() -> {
                    if (written.size() >= MAX_REMEMBERED) {
                        written.clear();
                    }
                    written.put(tenantId, new Written(value, now));
                })
                .replaceWithVoid();
    }

    /** The tenants whose own latest token named this group. */
    public Uni<List<String>> members(String group) {
        return pool.preparedQuery("SELECT tenant_id FROM tenant_group WHERE group_id = $1 ORDER BY tenant_id")
                .execute(Tuple.of(group))
                .map(rows -> {
                    List<String> tenants = new ArrayList<>();
                    for (Row row : rows) {
                        tenants.add(row.getString(0));
                    }
                    return tenants;
                });
    }

    /** Forgets what this replica wrote (tests: the next token writes again). */
    public void forget() {
        written.clear();
    }
}
