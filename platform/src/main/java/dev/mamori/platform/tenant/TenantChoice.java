package dev.mamori.platform.tenant;

import dev.mamori.platform.problem.ProblemException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tenant (client company) a call acts for, from what the verified token says and the tenant header.
 * <ul>
 *   <li>A service token may name any tenant in the header: background work between services.
 *   <li>A person's token with a list claim {@code tenants} (staff serving several client companies, e.g. a BPO
 *       contact centre) may name one of those, and must name one when the list holds several.
 *   <li>Anyone else acts for the single tenant of the {@code tenant} claim and may not send the header.
 * </ul>
 * Pure: {@link TenantContext} and {@link TenantHeaderFilter} ask it with the token's claims.
 */
public final class TenantChoice {

    private static final Pattern TENANT_ID = Pattern.compile(TenantContext.TENANT_ID_PATTERN);

    private TenantChoice() {}

    /**
     * The tenant of the call, or a 403/400 problem.
     *
     * @param header the tenant header's value, or null
     * @param service whether the caller has the service role
     * @param tenant the token's {@code tenant} claim, or null
     * @param tenants the token's {@code tenants} claim, empty when absent
     */
    public static String resolve(String header, boolean service, String tenant, List<String> tenants) {
        if (header != null) {
            if (!headerAllowed(header, service, tenants)) {
                throw ProblemException.forbidden("tenant-header-forbidden", headerRefusal(tenants));
            }
            if (!TENANT_ID.matcher(header).matches()) {
                throw ProblemException.badRequest(
                        "invalid-tenant-header",
                        TenantContext.TENANT_HEADER + " must be a tenant id (lower-case letters, digits and '-')");
            }
            return header;
        }
        if (tenant != null) {
            return tenant;
        }
        if (tenants.size() == 1) {
            return tenants.get(0);
        }
        if (tenants.size() > 1) {
            throw ProblemException.forbidden("tenant-choice-required", choiceRequired(tenants));
        }
        throw ProblemException.forbidden(
                "tenant-missing",
                "The token carries no tenant claim"
                        + (service ? "; a service token must name the tenant in " + TenantContext.TENANT_HEADER : ""));
    }

    /** Whether a caller may send the tenant header with this value at all (checked before any resource runs). */
    public static boolean headerAllowed(String header, boolean service, List<String> tenants) {
        return service || tenants.contains(header);
    }

    /** Why a call naming no tenant was refused although the token lists several. */
    public static String choiceRequired(List<String> tenants) {
        return "The token serves several tenants " + tenants + "; name one in " + TenantContext.TENANT_HEADER;
    }

    /** Why the header was refused, for the problem's detail. */
    public static String headerRefusal(List<String> tenants) {
        return tenants.isEmpty()
                ? "Only service tokens may name a tenant in " + TenantContext.TENANT_HEADER
                : TenantContext.TENANT_HEADER + " must name one of the token's tenants " + tenants;
    }
}
