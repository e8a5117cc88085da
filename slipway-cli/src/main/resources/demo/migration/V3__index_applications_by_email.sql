-- A concurrent build cannot run in a transaction: Slipway runs this file statement by statement,
-- records each step, and gives the build its own, longer lock timeout.
CREATE INDEX CONCURRENTLY IF NOT EXISTS applications_candidate_email_idx ON applications (candidate_email);
