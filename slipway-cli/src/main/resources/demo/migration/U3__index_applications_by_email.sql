DROP INDEX CONCURRENTLY IF EXISTS applications_candidate_email_idx;
