package dev.mamori.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores the affected categories as a JSON array in a text column (as the platform's StringListConverter does). */
@Converter
public class AffectedCategoriesConverter implements AttributeConverter<List<AffectedCategory>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AffectedCategory>> LIST = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<AffectedCategory> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store categories", e);
        }
    }

    @Override
    public List<AffectedCategory> convertToEntityAttribute(String column) {
        try {
            return column == null ? List.of() : List.copyOf(JSON.readValue(column, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored categories are not a JSON array", e);
        }
    }
}
