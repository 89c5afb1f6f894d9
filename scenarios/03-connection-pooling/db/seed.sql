-- Deterministic seed (no random()): the same rows on every machine, so the ground truth and every
-- learner's numbers are comparable. Small on purpose: this scenario is about connections, and
-- every query here is a primary-key lookup that costs well under a millisecond.

INSERT INTO users (id, handle, display_name)
SELECT i, 'user' || lpad(i::text, 4, '0'), 'User ' || i
FROM generate_series(1, 2000) AS i;

INSERT INTO posts (id, author_id, body, created_at, like_count)
SELECT i,
       1 + (i * 7919) % 2000,
       'Post #' || i || ' ' || left(md5(i::text), 32),
       timestamptz '2025-01-01 00:00:00+00' + make_interval(secs => i * 10 + (i * 7919) % 10),
       (i * 37) % 500
FROM generate_series(1, 50000) AS i;

ANALYZE;
