-- Deterministic seed: the same rows on every machine and every run (no random()), so the check's
-- ground truth and every learner's numbers are comparable.

-- 100,000 users. Handles are written the way people typed them when they signed up, in mixed
-- case: Ada_Lovelace1, Grace_Hopper1, …, Ada_Lovelace2, …, up to Claude_Shannon5000. Lookups
-- must ignore case (ada_lovelace1 is the same person), which is what makes this scenario's
-- profile query interesting.
INSERT INTO users (id, handle, display_name, created_at)
SELECT i,
       name || ((i - 1) / 20 + 1),
       replace(name, '_', ' ') || ' #' || ((i - 1) / 20 + 1),
       timestamptz '2024-01-01 00:00:00+00' + make_interval(secs => i * 120)
FROM generate_series(1, 100000) AS i,
     LATERAL (SELECT (ARRAY[
         'Ada_Lovelace', 'Grace_Hopper', 'Alan_Turing', 'Edsger_Dijkstra', 'Barbara_Liskov',
         'Donald_Knuth', 'Margaret_Hamilton', 'Dennis_Ritchie', 'Ken_Thompson', 'Frances_Allen',
         'John_Backus', 'Radia_Perlman', 'Tony_Hoare', 'Leslie_Lamport', 'Katherine_Johnson',
         'Hedy_Lamarr', 'Alonzo_Church', 'Annie_Easley', 'Niklaus_Wirth', 'Claude_Shannon'
     ])[1 + (i - 1) % 20] AS name) AS n;

-- 1,000,000 posts. Like on a real network, a few people post a lot and most post a little:
-- k runs through 0..999,999 in a scrambled order (7919 is prime, so i*7919 mod 1,000,000 hits
-- every value once) and author = 1 + k²/10⁷ crowds authors toward low ids. User 1 wrote about
-- 3,000 posts, user 1,000 about 50, user 100,000 about 5; every user has a few.
-- created_at = start + a shuffled slot of 30 s + a jitter under 30 s: unique, about a year of
-- history, and NOT in id order (611953 is coprime with 1,000,000, so i*611953 mod 1,000,000 visits
-- every slot once, scrambled): a timeline sorted by id instead of created_at is visibly wrong.
INSERT INTO posts (id, author_id, body, created_at, like_count)
SELECT i,
       1 + (k * k) / 10000000,
       'Post #' || i || ': '
           || (ARRAY['Just shipped', 'Thinking about', 'Hot take on', 'Finally understood', 'Reading about',
                     'Struggling with', 'Loving', 'A thread on', 'Notes on', 'Still confused by'])[1 + i % 10]
           || ' '
           || (ARRAY['B-trees', 'query plans', 'connection pools', 'caching', 'timeouts', 'load balancers',
                     'replication', 'message queues', 'rate limits', 'percentiles', 'indexes', 'Little''s law'])[1 + (i / 10) % 12]
           || '. ' || left(md5(i::text) || md5((i + 1)::text), (20 + (i * 13) % 60)::int),
       timestamptz '2024-06-01 00:00:00+00' + make_interval(secs => ((i * 611953) % 1000000) * 30 + (i * 7919) % 30),
       ((i * 2654435761) % 1000)::int * (i % 3) / 7
FROM generate_series(1::bigint, 1000000) AS i,
     LATERAL (SELECT (i * 7919) % 1000000 AS k) AS s;

-- New posts continue after the seeded ones.
SELECT setval(pg_get_serial_sequence('posts', 'id'), 1000000);

ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id);

ANALYZE;
