-- Deterministic seed (no random()): the same rows on every machine.
-- 20 000 posts and 2 million likes, skewed the way social apps are: posts 1-50 went viral
-- (20 000 likes each), the other 19 950 have about 50 each.

INSERT INTO users (id, handle)
SELECT i, 'user' || i FROM generate_series(1, 10000) AS i;

-- Each post's page is about 3 KB (a long post with its thread preview), so 20 000 cached pages
-- need about 60 MB: thirty times the cache's 2 MB.
INSERT INTO posts (id, author_id, body, created_at)
SELECT i, 1 + (i * 7919) % 10000,
       'Post ' || i || ': ' || repeat(md5(i::text) || ' ', 90),
       timestamptz '2026-01-01 00:00:00+00' + make_interval(mins => i)
FROM generate_series(1, 20000) AS i;

-- The viral posts: 20 000 likes each over the last 10 days.
INSERT INTO likes (post_id, user_id, liked_at)
SELECT p, 1 + (p * 104729 + i) % 10000, now() - make_interval(secs => (i * 43) % 864000)
FROM generate_series(1, 50) AS p, generate_series(1, 20000) AS i;

-- The long tail: about 50 likes each.
INSERT INTO likes (post_id, user_id, liked_at)
SELECT 51 + i % 19950, 1 + (i::bigint * 7919) % 10000, now() - make_interval(secs => (i * 37) % 864000)
FROM generate_series(1, 1000000) AS i;

ANALYZE;
