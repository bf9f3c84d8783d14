package org.openpchat.chat.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Stores a principal reference in its canonical text form, e.g. {@code group:staff}. */
@Converter(autoApply = true)
public class PrincipalIdConverter implements AttributeConverter<PrincipalId, String> {

    @Override
    public String convertToDatabaseColumn(PrincipalId id) {
        return id == null ? null : id.toString();
    }

    @Override
    public PrincipalId convertToEntityAttribute(String text) {
        return text == null ? null : PrincipalId.parse(text);
    }
}
