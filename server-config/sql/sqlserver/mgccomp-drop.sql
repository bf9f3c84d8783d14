-- Persistent Chat compliance database (mgccomp), drop script for Microsoft SQL Server 2016 or later.
-- Generated from chat-ejb/src/main/resources/db/changelog/mgccomp.xml by server-config's
-- SqlServerScripts; do not edit (README, "Databases", says how to regenerate).
-- Removes every table of the changelog (all their rows are lost), newest first so that no
-- foreign key stands in the way, and Liquibase's tables. IF EXISTS makes a partial schema
-- droppable too.

DROP TABLE IF EXISTS COMPLIANCE_EXPORT_CLAIM;
DROP TABLE IF EXISTS COMPLIANCE_EVENT;
DROP TABLE IF EXISTS DATABASECHANGELOG;
DROP TABLE IF EXISTS DATABASECHANGELOGLOCK;
GO
