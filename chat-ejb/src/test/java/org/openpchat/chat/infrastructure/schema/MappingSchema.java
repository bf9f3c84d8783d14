package org.openpchat.chat.infrastructure.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The schema EclipseLink derives from the mapping of a persistence unit (persistence.xml,
 * mgc-orm.xml and the annotated classes), made the way every deployment made it before the
 * changelog existed: create-or-extend-tables on the first use of the unit.
 */
public final class MappingSchema {

    private MappingSchema() {
    }

    public static void createIn(TestDatabase database, String unit) {
        Map<String, Object> properties = database.jpaProperties();
        properties.put("eclipselink.ddl-generation", "create-or-extend-tables");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, properties);
        try {
            factory.createEntityManager().close();
        } finally {
            factory.close();
        }
    }

    public static SchemaSnapshot of(TestDatabase database, String unit) throws SQLException {
        createIn(database, unit);
        try (Connection connection = database.connect()) {
            return SchemaSnapshot.of(connection);
        }
    }
}
