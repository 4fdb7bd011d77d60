package dev.mamori.consent.repository;

import dev.mamori.consent.TenantPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TenantPolicyRepository implements PanacheRepositoryBase<TenantPolicy, String> {}
