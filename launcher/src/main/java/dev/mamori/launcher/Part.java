package dev.mamori.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One part of the local suite: the three pieces of infrastructure, the five services and the staff console, in
 * start order. The console is no service: it has no database and starts once the services answer.
 */
public enum Part {
    POSTGRES("postgres", 5433, null),
    KEYCLOAK("keycloak", 8180, null),
    /**
     * The mail server (GreenMail: SMTP on this port, IMAP on {@code mail-imap}, 3143): the services' mail goes here
     * and nowhere else.
     */
    MAIL("mail", 3025, null),
    CONSENT("consent-service", 8081, "consent"),
    REQUEST("request-service", 8082, "request"),
    RETENTION("retention-service", 8083, "retention"),
    THIRDPARTY("thirdparty-service", 8084, "thirdparty"),
    INCIDENT("incident-service", 8085, "incident"),
    CONSOLE("console", 8090, null),
    /** The public pages of each client company; like the console it holds no domain data. */
    PRIVACY_CENTER("privacy-center", 8091, null);

    private final String id;
    private final int defaultPort;
    private final String database;

    Part(String id, int defaultPort, String database) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The name used on the command line, in log file names and as the Maven module of a service. */
    public String id() {
        return id;
    }

    /** The port on localhost the part listens on unless told otherwise (PostgreSQL: only when embedded). */
    public int defaultPort() {
        return defaultPort;
    }

    /** The service's database (DB_NAME), or null for infrastructure. */
    public String database() {
        return database;
    }

    public boolean isService() {
        return database != null;
    }

    public static List<Part> services() {
        return List.of(CONSENT, REQUEST, RETENTION, THIRDPARTY, INCIDENT);
    }

    /** Accepts the id ("consent-service"), its short form ("consent") and a few aliases ("pg", "kc"). */
    public static Part of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "pg":
            case "postgresql":
            case "db":
                return POSTGRES;
            case "kc":
            case "oidc":
                return KEYCLOAK;
            case "smtp":
            case "greenmail":
                return MAIL;
            default:
                break;
        }
        for (Part p : values()) {
            if (p.id.equals(n)
                    || (p.database != null && p.database.equals(n))
                    || p.name().equalsIgnoreCase(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown part '" + name + "'; known: "
                + Arrays.stream(values()).map(Part::id).toList());
    }

    /** Parses a comma-separated list such as "postgres,keycloak,consent-service". */
    public static Set<Part> parseList(String list) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                parts.add(of(s));
            }
        }
        return parts;
    }

    static List<String> ids(Iterable<Part> parts) {
        List<String> ids = new ArrayList<>();
        parts.forEach(p -> ids.add(p.id));
        return ids;
    }
}
