-- Snapshots are found by a version key (name, relative paths, sizes and modification times) without reading
-- their content; the content SHA-256 (fingerprint) is what a run read, known once a run has read it.
-- Rows stored before this version keep a null version key; the service adopts such a row when a snapshot of the
-- same name, total size and newest modification time is found (RunStore.snapshot).
ALTER TABLE snapshots ADD COLUMN version_key VARCHAR(64);
ALTER TABLE snapshots DROP CONSTRAINT snapshots_identity;
ALTER TABLE snapshots ALTER COLUMN fingerprint DROP NOT NULL;
ALTER TABLE snapshots ADD CONSTRAINT snapshots_version UNIQUE (dataset_id, version_key);
CREATE INDEX snapshots_by_name ON snapshots (dataset_id, name);
