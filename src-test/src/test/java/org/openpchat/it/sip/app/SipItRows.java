package org.openpchat.it.sip.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The table the echo servlet writes to, to show which deliveries committed. */
@Singleton
@Startup
public class SipItRows {

    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource database;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createTable() {
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS SIP_IT_ROW (K VARCHAR(100))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int count(String key) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM SIP_IT_ROW WHERE K = ?")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
