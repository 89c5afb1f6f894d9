-- Deterministic seed: the same rows on every machine and every run (no random()), so the check's
-- ground-truth pages and every learner's numbers are comparable.

-- 5,000 users: user0001 .. user5000.
INSERT INTO users (id, handle, display_name)
SELECT i,
       'user' || lpad(i::text, 4, '0'),
       'User ' || i
FROM generate_series(1, 5000) AS i;

-- 250,000 posts, 50 per user; 7919 is prime and coprime with 5000, so consecutive posts come from
-- scattered authors instead of user 1's fifty posts in a row.
-- created_at = start + a shuffled slot of 10 s + a jitter under 10 s: unique, about 29 days of
-- history with irregular gaps, and NOT in id order (104729 is prime and coprime with 250,000, so
-- i*104729 mod 250,000 visits every slot once, scrambled). Sorting by id, or trusting the order the
-- rows were inserted in, gives visibly different pages from "newest first".
INSERT INTO posts (id, author_id, body, created_at, like_count)
SELECT i,
       1 + (i * 7919) % 5000,
       'Post #' || i || ' ' || left(md5(i::text), 32),
       timestamptz '2025-01-01 00:00:00+00'
           + make_interval(secs => ((i::bigint * 104729) % 250000) * 10 + (i * 7919) % 10),
       ((i * 2654435761) % 1000)::int * (i % 3) / 7
FROM generate_series(1, 250000) AS i;

ANALYZE;
