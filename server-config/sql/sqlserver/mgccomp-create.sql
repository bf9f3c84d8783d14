-- Persistent Chat compliance database (mgccomp), create script for Microsoft SQL Server 2016 or later.
-- Generated from chat-ejb/src/main/resources/db/changelog/mgccomp.xml by server-config's
-- SqlServerScripts; do not edit (README, "Databases", says how to regenerate).
-- Run once in an empty database, as its owner, with sqlcmd or SSMS (batches end with GO):
--   sqlcmd -S <server> -d mgccomp -i mgccomp-create.sql
-- It creates the tables and records the changesets in DATABASECHANGELOG, which the
-- server checks at start (it refuses to start on a database that lacks some).

CREATE TABLE DATABASECHANGELOG (ID nvarchar(255) NOT NULL, AUTHOR nvarchar(255) NOT NULL, FILENAME nvarchar(255) NOT NULL, DATEEXECUTED datetime2(3) NOT NULL, ORDEREXECUTED int NOT NULL, EXECTYPE nvarchar(10) NOT NULL, MD5SUM nvarchar(35), DESCRIPTION nvarchar(255), COMMENTS nvarchar(255), TAG nvarchar(255), LIQUIBASE nvarchar(20), CONTEXTS nvarchar(255), LABELS nvarchar(255), DEPLOYMENT_ID nvarchar(10))
GO

-- Changeset db/changelog/mgccomp/compliance-event.xml::compliance-event::openpchat
CREATE TABLE COMPLIANCE_EVENT (ID bigint IDENTITY (1, 1) NOT NULL, EVENT_ID nvarchar(36) NOT NULL, EVENT_TYPE nvarchar(16) NOT NULL, OCCURRED_AT datetime2 NOT NULL, ROOM_UID nvarchar(64) NOT NULL, ROOM_URI nvarchar(400) NOT NULL, ROOM_NAME nvarchar(256) NOT NULL, ROOM_CATEGORY nvarchar(256), ROOM_DESCRIPTION nvarchar(1024), USER_URI nvarchar(400) NOT NULL, USER_NAME nvarchar(256), USER_ID bigint NOT NULL, USER_INTERNAL bit NOT NULL, MESSAGE_ID bigint NOT NULL, CONTENT nvarchar(MAX), RECEIVED_AT datetime2 NOT NULL, PROCESSED bit NOT NULL, CONSTRAINT PK_COMPLIANCE_EVENT PRIMARY KEY (ID), CONSTRAINT UQ_COMPLIANCE_EVENT_ID UNIQUE (EVENT_ID));
GO

CREATE NONCLUSTERED INDEX IX_COMPLIANCE_EVENT_PENDING ON COMPLIANCE_EVENT(PROCESSED, OCCURRED_AT);
GO

CREATE NONCLUSTERED INDEX IX_COMPLIANCE_EVENT_ROOM ON COMPLIANCE_EVENT(ROOM_UID);
GO

ALTER TABLE COMPLIANCE_EVENT ADD CONSTRAINT CK_COMPLIANCE_EVENT_TYPE CHECK (EVENT_TYPE IN ('JOIN', 'PART', 'CHAT', 'BACKCHAT', 'FILEUPLOAD', 'FILEDOWNLOAD'));
GO

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('compliance-event', 'openpchat', 'db/changelog/mgccomp/compliance-event.xml', GETDATE(), 1, '9:f3b638ecc2341b1174e74562cb313b0a', 'createTable tableName=COMPLIANCE_EVENT; createIndex indexName=IX_COMPLIANCE_EVENT_PENDING, tableName=COMPLIANCE_EVENT; createIndex indexName=IX_COMPLIANCE_EVENT_ROOM, tableName=COMPLIANCE_EVENT; sql', '', 'EXECUTED', NULL, NULL, '4.33.0', '0000000000')
GO

-- Changeset db/changelog/mgccomp/moderation-event-types.xml::moderation-event-types::openpchat
ALTER TABLE COMPLIANCE_EVENT DROP CONSTRAINT CK_COMPLIANCE_EVENT_TYPE;
GO

ALTER TABLE COMPLIANCE_EVENT ADD CONSTRAINT CK_COMPLIANCE_EVENT_TYPE CHECK (EVENT_TYPE IN ('JOIN', 'PART', 'CHAT', 'BACKCHAT', 'FILEUPLOAD', 'FILEDOWNLOAD', 'REMOVE', 'REPLACE', 'CLEAR'));
GO

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('moderation-event-types', 'openpchat', 'db/changelog/mgccomp/moderation-event-types.xml', GETDATE(), 3, '9:a1c6f9748fefff160f6b7e7e8f19541f', 'sql; sql', '', 'EXECUTED', NULL, NULL, '4.33.0', '0000000000')
GO

-- Changeset db/changelog/mgccomp/compliance-export-claim.xml::compliance-export-claim::openpchat
CREATE TABLE COMPLIANCE_EXPORT_CLAIM (ID bigint NOT NULL, LAST_RUN_AT datetime2, LAST_RUN_BY nvarchar(256), CONSTRAINT PK_COMPLIANCE_EXPORT_CLAIM PRIMARY KEY (ID));
GO

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('compliance-export-claim', 'openpchat', 'db/changelog/mgccomp/compliance-export-claim.xml', GETDATE(), 5, '9:f4b5868b0fcd8da68b57adeae191876d', 'createTable tableName=COMPLIANCE_EXPORT_CLAIM', '', 'EXECUTED', NULL, NULL, '4.33.0', '0000000000')
GO

-- Changeset db/changelog/mgccomp/compliance-export-claim.xml::compliance-export-claim-row::openpchat
INSERT INTO COMPLIANCE_EXPORT_CLAIM (ID) VALUES (1);
GO

INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('compliance-export-claim-row', 'openpchat', 'db/changelog/mgccomp/compliance-export-claim.xml', GETDATE(), 7, '9:85e59b4a95a3fed36b4edf2ddf2a761a', 'insert tableName=COMPLIANCE_EXPORT_CLAIM', '', 'EXECUTED', NULL, NULL, '4.33.0', '0000000000')
GO
