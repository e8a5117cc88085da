CREATE OR REPLACE VIEW open_applications AS
SELECT id, candidate_email, position, status
FROM applications
WHERE status <> 'offer';
