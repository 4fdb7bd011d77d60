package dev.mamori.platform.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.List;

/**
 * Stores a list of enum constants as a JSON array of their names in a text column. A service declares one
 * {@code @Converter} subclass per enum type it stores.
 */
public abstract class EnumListConverter<E extends Enum<E>> implements AttributeConverter<List<E>, String> {

    private final Class<E> type;
    private final StringListConverter names = new StringListConverter();

    protected EnumListConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<E> values) {
        return names.convertToDatabaseColumn(
                values == null ? List.of() : values.stream().map(Enum::name).toList());
    }

    @Override
    public List<E> convertToEntityAttribute(String column) {
        return names.convertToEntityAttribute(column).stream()
                .map(name -> Enum.valueOf(type, name))
                .toList();
    }
}
