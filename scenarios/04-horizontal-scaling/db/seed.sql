-- Deterministic seed (no random()): the same rows on every machine. Small on purpose: this
-- scenario is about what two copies of the app share, not about query cost.

-- user1 … user1000 (the load test signs in as user1 … userN), every password is "chirp".
INSERT INTO users (id, handle, password_hash)
SELECT i, 'user' || i, encode(sha256(convert_to('user' || i || ':chirp', 'UTF8')), 'hex')
FROM generate_series(1, 1000) AS i;

-- Drop 1 opens now: 300 launch-day stickers. Drop 2 sold out last month.
INSERT INTO drops (id, name, stock, remaining) VALUES
    (1, 'Launch-day sticker', 300, 300),
    (2, 'Beta tester sticker', 200, 0);

-- The 200 beta stickers, claimed by users spread over the whole range.
INSERT INTO claims (drop_id, user_id, claimed_at)
SELECT 2, 1 + (i * 7919) % 1000, timestamptz '2025-01-01 00:00:00+00' + make_interval(secs => i * 60)
FROM generate_series(1, 200) AS i;

ANALYZE;
