package org.openpchat.chat.application.health;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks that both databases answer; the health URL reports the result. Outside a transaction:
 * the pools are not XA, and one transaction may enlist only one of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @Resource(lookup = "jdbc/pchat/mgccomp")
    private DataSource mgccomp;

    /** Database product per unit, or the error it raised. */
    public Map<String, String> databases() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("mgc", probe(mgc));
        result.put("mgccomp", probe(mgccomp));
        return result;
    }

    private static String probe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return connection.isValid(5) ? "UP " + meta.getDatabaseProductName() + " "
                    + meta.getDatabaseProductVersion() : "DOWN connection not valid";
        } catch (SQLException | RuntimeException e) {
            return "DOWN " + e;
        }
    }
}
