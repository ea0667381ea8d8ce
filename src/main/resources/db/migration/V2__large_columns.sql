-- Profiles reach megabytes; H2 caps TEXT (CHARACTER VARYING) and BYTEA (BINARY VARYING) at 1,000,000.
-- The placeholders are CLOB and BLOB on H2, TEXT and BYTEA on PostgreSQL (no-ops there);
-- see dev.driftwatch.app.storage.SchemaTypes.
ALTER TABLE snapshots ALTER COLUMN producer SET DATA TYPE ${large_text};
ALTER TABLE runs ALTER COLUMN error SET DATA TYPE ${large_text};
ALTER TABLE rule_results ALTER COLUMN message SET DATA TYPE ${large_text};
ALTER TABLE rule_results ALTER COLUMN evidence SET DATA TYPE ${large_text};
ALTER TABLE profiles ALTER COLUMN summary SET DATA TYPE ${large_text};
ALTER TABLE profiles ALTER COLUMN state SET DATA TYPE ${large_bytes};
