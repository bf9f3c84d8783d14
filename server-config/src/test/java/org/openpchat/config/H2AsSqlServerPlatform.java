package org.openpchat.config;

import org.eclipse.persistence.platform.database.SQLServerPlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink's SQL Server platform, so tests issue the SQL production issues, pointed at H2 in
 * MSSQLServer mode, which has SCOPE_IDENTITY() but not @@IDENTITY.
 */
public class H2AsSqlServerPlatform extends SQLServerPlatform {

    private static final long serialVersionUID = 1L;

    @Override
    public ValueReadQuery buildSelectQueryForIdentity() {
        ValueReadQuery query = new ValueReadQuery();
        query.setSQLString("SELECT SCOPE_IDENTITY()");
        return query;
    }
}
