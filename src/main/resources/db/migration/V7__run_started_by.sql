-- Who started a run through the API: the name of the caller whose token asked for it; null for scheduled runs.
ALTER TABLE runs ADD COLUMN started_by VARCHAR(200);
