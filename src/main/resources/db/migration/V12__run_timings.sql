-- What a succeeded run cost (RunTimings as JSON: total, phases, each rule's row check and evaluation), so the run
-- page shows it; NULL for failed runs and for runs stored before this column.
ALTER TABLE runs ADD COLUMN timings ${large_text};
