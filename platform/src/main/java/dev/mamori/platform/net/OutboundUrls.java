package dev.mamori.platform.net;

import dev.mamori.platform.problem.ProblemException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which URLs the suite will call on a caller's behalf (callbacks, erasure requests to owning systems, corrections
 * to client systems). A URL a caller registers is a request to make our server connect somewhere, so it is checked
 * when registered and again when called (a name may resolve elsewhere later): https only, unless plain http is
 * allowed for development; never a loopback, private, link-local, unique-local or cloud metadata address unless the
 * tenant's allow-list names the host. Redirects are never followed by the callers of this check, so an answer cannot
 * send us on to an address that was not checked. (APPI Art. 23: security control measures.)
 */
@ApplicationScoped
public class OutboundUrls {

    /** Settings under {@code mamori.outbound}. */
    @ConfigMapping(prefix = "mamori.outbound")
    public interface Settings {
        /** Plain http may be called (development and tests only; a packaged service keeps the default). */
        @WithDefault("false")
        boolean allowHttp();

        /** Per tenant: hosts that may be called although they resolve to a loopback or private address. */
        Map<String, List<String>> allowedHosts();
    }

    private final Settings settings;

    public OutboundUrls(Settings settings) {
        this.settings = settings;
    }

    /** Refuses {@code url} with a 422 naming {@code field} when the suite must not call it for {@code tenant}. */
    public URI require(String tenant, String field, String url) {
        try {
            return check(tenant, url);
        } catch (Refused e) {
            throw ProblemException.unprocessable("outbound-url-refused", "URL not allowed", field, e.getMessage());
        }
    }

    /** The URL to call, or {@link Refused} saying why not; resolves the host now. */
    public URI check(String tenant, String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
            throw new Refused(settings.allowHttp() ? "must be an http or https URL" : "must be an https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getUserInfo() != null) {
            throw new Refused("must name a host, without user information");
        }
        if (allowListed(tenant, host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new Refused("resolves to an internal address (" + address.getHostAddress()
                        + "); the tenant's allow-list must name " + host + " to call it");
            }
        }
        return uri;
    }

    private boolean allowListed(String tenant, String host) {
        List<String> hosts =
                Optional.ofNullable(settings.allowedHosts().get(tenant)).orElse(List.of());
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return hosts.stream().anyMatch(allowed -> allowed.trim().equalsIgnoreCase(bare));
    }

    /** Loopback, private, link-local (cloud metadata lives there), unique-local, multicast or unspecified. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why a URL is not called. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
