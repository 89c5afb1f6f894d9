-- THE FIX: two indexes, one per slow query, each shaped exactly like the query it serves.
--
-- Without them, PostgreSQL has one way to answer either query: read the whole table (a
-- sequential scan) and test every row. For one user's timeline that means 1,000,000 posts read to
-- keep about 10; for a profile, 100,000 handles lowered and compared to find one. Every request,
-- for every user. An index is a sorted copy of some columns with a pointer to each row, like the
-- index at the back of a book: look the word up, go straight to the page.
--
-- IF NOT EXISTS: migrations run at every start, and the second run must not fail.


-- 1. The timeline: WHERE author_id = @id ORDER BY created_at DESC LIMIT 20
--
-- Column order matters. The index is sorted by author_id first and, within one author, by
-- created_at newest first: all of one author's posts sit side by side, already in the order the
-- timeline shows them. PostgreSQL jumps to the author, reads the first 20 entries and stops:
-- no sort, no matter how many posts the author has (user 1 has over 3,000).
--   - (created_at DESC, author_id) would be the wrong way round: the newest posts of everyone come
--     first, and finding one author's posts means walking through everyone else's.
--   - (author_id) alone finds the author's posts, then has to fetch and sort all of them to keep
--     20: fine for someone with 5 posts, slow for someone with 3,000.
-- With a single column in the ORDER BY, (author_id, created_at) would also do: PostgreSQL can read
-- an index backwards. DESC just says out loud the order the timeline reads it in.
CREATE INDEX IF NOT EXISTS posts_author_created ON posts (author_id, created_at DESC);


-- 2. The profile: WHERE lower(handle) = lower(@handle)
--
-- An index on handle would hold 'Ada_Lovelace7', but the query asks for lower(handle) =
-- 'ada_lovelace7': a different value, so the planner cannot use it and still scans the table.
-- An expression index stores the result of the expression, lower(handle), for every row, so it
-- matches the query's WHERE clause word for word.
-- UNIQUE as a bonus: it also stops anyone from signing up as ada_lovelace7 when Ada_Lovelace7
-- exists, which a plain UNIQUE (handle) would allow.
CREATE UNIQUE INDEX IF NOT EXISTS users_lower_handle ON users (lower(handle));


-- Why not index every column, just in case? Each index is another structure that every INSERT
-- (and every UPDATE of an indexed column) has to update, another copy of the data on disk and in
-- memory, and another option for the planner to consider. Index the queries you actually run;
-- EXPLAIN tells you whether an index is used.
