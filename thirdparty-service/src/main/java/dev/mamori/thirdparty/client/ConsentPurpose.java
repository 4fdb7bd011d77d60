package dev.mamori.thirdparty.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The parts of a consent-service purpose that decide third-party provision (APPI Arts. 17(1), 27, 28). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentPurpose(String code, int currentVersion, Current current) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Current(
            int version,
            boolean thirdPartyProvision,
            List<String> recipientTypes,
            List<String> crossBorderCountries,
            List<String> sensitiveCategories,
            List<String> dataItems) {

        public List<String> crossBorderCountriesOrEmpty() {
            return crossBorderCountries == null ? List.of() : crossBorderCountries;
        }

        public List<String> sensitiveCategoriesOrEmpty() {
            return sensitiveCategories == null ? List.of() : sensitiveCategories;
        }
    }
}
