-- Deterministic seed (no random()): the same rows on every machine.

-- user1 … user1000 (the load test signs in as user1 … userN), every password is "chirp".
INSERT INTO users (id, handle, password_hash)
SELECT i, 'user' || i, encode(sha256(convert_to('user' || i || ':chirp', 'UTF8')), 'hex')
FROM generate_series(1, 1000) AS i;

-- 50,000 posts over the last weeks, spread over every author.
INSERT INTO posts (author_id, body, created_at)
SELECT 1 + (i * 7919) % 1000,
       'Chirp number ' || i || ': ' || repeat('tweet tweet ', 1 + i % 8),
       timestamptz '2026-11-01 00:00:00+00' + make_interval(secs => i * 30)
FROM generate_series(1, 50000) AS i;

ANALYZE;
