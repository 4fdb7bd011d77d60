package dev.mamori.thirdparty.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Which tenants form each company group, for joint use within a group (APPI Art. 27(5)(iii)). A token tells only
 * the caller's own group; the other members come from configuration ({@code mamori.groups.<group>=tenant-a,tenant-b},
 * env {@code MAMORI_GROUPS_<GROUP>}), kept in step with the identity provider's group claims.
 */
@ApplicationScoped
public class GroupDirectory {

    private final Config config;

    public GroupDirectory(Config config) {
        this.config = config;
    }

    /** The tenants of a group; empty when the group is not configured. */
    public List<String> members(String group) {
        return config.getOptionalValues("mamori.groups." + group, String.class).orElse(List.of())
                .stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
