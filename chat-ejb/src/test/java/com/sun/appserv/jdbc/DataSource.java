package com.sun.appserv.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** GlassFish's data source contract, as documented, for tests of code that looks for it by name. */
public interface DataSource extends javax.sql.DataSource {

    /** The driver's connection under the pool's wrapper {@code pooled}. */
    Connection getConnection(Connection pooled) throws SQLException;
}
