ALTER TABLE applications DROP COLUMN interview_dates;
