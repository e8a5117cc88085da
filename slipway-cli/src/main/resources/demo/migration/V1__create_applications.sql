-- The sample app: a recruiting database with candidates' applications.
CREATE TABLE applications (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    candidate_email text NOT NULL,
    position text NOT NULL,
    status text NOT NULL DEFAULT 'new',
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO applications (candidate_email, position, status)
SELECT 'candidate' || n || '@example.com',
       (ARRAY['backend engineer', 'dba', 'designer'])[1 + n % 3],
       (ARRAY['new', 'screening', 'interview', 'offer'])[1 + n % 4]
FROM generate_series(1, 20000) AS n;
