package org.openpchat.config;

import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the DDL EclipseLink derives from the mgc and mgccomp mappings for SQL Server, offline (no
 * database), as {@code <unit>-create.sql} and {@code <unit>-drop.sql}.
 * It is the starting point of server-config/sql/sqlserver, which corrects it for production
 * (NVARCHAR, BIGINT, valid drop order); diff the two after changing the mapping:
 * <pre>mvn -pl server-config test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.openpchat.config.SqlServerDdlGenerator</pre>
 */
public final class SqlServerDdlGenerator {

    private SqlServerDdlGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/generated-ddl");
        Files.createDirectories(out);
        for (String unit : new String[] {"mgc", "mgccomp"}) {
            generate(unit, out);
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static void generate(String unit, Path out) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", "");
        properties.put("jakarta.persistence.schema-generation.scripts.action", "drop-and-create");
        properties.put("jakarta.persistence.schema-generation.scripts.create-target",
                out.resolve(unit + "-create.sql").toString());
        properties.put("jakarta.persistence.schema-generation.scripts.drop-target",
                out.resolve(unit + "-drop.sql").toString());
        properties.put("jakarta.persistence.database-product-name", "Microsoft SQL Server");
        properties.put("jakarta.persistence.database-major-version", "16");
        properties.put("eclipselink.target-database", "SQLServer");
        properties.put("eclipselink.ddlgen-terminate-statements", "true");
        Persistence.generateSchema(unit, properties);
    }
}
