package dev.mamori.request.service;

import dev.mamori.platform.tenant.TenantContext;

/** Who did something to a request: a caller's token subject and client, or the service itself. */
public record Actor(String subject, String client) {

    /** Background work: the outbox deliverer and scheduled jobs. */
    public static final Actor SYSTEM = new Actor("request-service", "request-service");

    public static Actor of(TenantContext tenant) {
        return new Actor(tenant.actorSubject(), tenant.actorClient());
    }
}
