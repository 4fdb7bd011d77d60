package dev.mamori.platform.tenant;

/** The realm roles of the suite. Resources name them in {@code @RolesAllowed}. */
public final class Roles {
    /** A client company's own systems. */
    public static final String CLIENT_SYSTEM = "client-system";
    /** Decides requests, owns purposes and policies for the client company. */
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Contact-center staff taking requests on the client company's behalf. */
    public static final String OPERATOR = "operator";
    /** Read-only; reads the audit log. */
    public static final String AUDITOR = "auditor";
    /** Service-to-service calls; the only role that may name a tenant in a header. */
    public static final String SERVICE = "service";

    public static final java.util.List<String> ALL =
            java.util.List.of(CLIENT_SYSTEM, PRIVACY_OFFICER, OPERATOR, AUDITOR, SERVICE);

    private Roles() {}
}
