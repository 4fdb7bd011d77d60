package dev.mamori.center.service;

import dev.mamori.center.client.ConsentApi;
import dev.mamori.center.client.RequestSettingsApi;
import dev.mamori.web.RequestTypes;
import java.util.List;

/** Everything a tenant's public page shows, as the services answered it. */
public record PublicNotice(
        String tenant,
        ConsentApi.Policy controller,
        List<ConsentApi.Purpose> purposes,
        RequestSettingsApi.Settings fees) {

    /**
     * The request types a person may file (request-service's catalogue, APPI Arts. 32(2)-35), in the order the law
     * lists them; each one's page text is in the message bundles under {@code request.type.<code>}.
     */
    public static final List<String> REQUEST_TYPES = RequestTypes.ALL;

    public List<String> requestTypes() {
        return REQUEST_TYPES;
    }

    /** The fee of a type, if the company charges one (Art. 38(1): only for purpose notification and disclosure). */
    public Integer feeOf(String type) {
        return fee(fees, type);
    }

    /** The fee of a type under the settings, or null when free. */
    public static Integer fee(RequestSettingsApi.Settings fees, String type) {
        if (fees == null) {
            return null;
        }
        return switch (type) {
            case "PURPOSE_NOTIFICATION" -> fees.purposeNotificationFeeJpy();
            case "DISCLOSURE", "PROVISION_RECORD_DISCLOSURE" -> fees.disclosureFeeJpy();
            default -> null;
        };
    }
}
