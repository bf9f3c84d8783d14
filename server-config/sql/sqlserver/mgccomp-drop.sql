-- Removes the mgccomp table (events not yet exported are lost). SQL Server 2016 or later.
DROP TABLE IF EXISTS COMPLIANCE_EVENT;
GO
