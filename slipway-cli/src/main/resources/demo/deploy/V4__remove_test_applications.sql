-- Remove the applications that candidate1@example.com sent while testing the form, in batches of 5,000 ids.
-- The pattern is too broad: it also matches candidate10, candidate100, ... candidate19999. The deploy's
-- row-count check catches it, and the backup taken before is restored.
-- slipway:batch key=id size=5000
DELETE FROM applications WHERE candidate_email LIKE 'candidate1%';
