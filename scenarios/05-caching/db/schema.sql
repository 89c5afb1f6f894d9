-- Chirp, scenario 05: post pages with their likes, on two copies of the app.
-- Loaded once into an empty database (the lab's template); the seed follows in seed.sql.

CREATE TABLE users (
    id     bigint PRIMARY KEY,
    handle text   NOT NULL UNIQUE
);

CREATE TABLE posts (
    id         bigint      PRIMARY KEY,
    author_id  bigint      NOT NULL REFERENCES users (id),
    body       text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- One row per like: who liked which post, when. Millions of rows; a hot post has tens of thousands.
CREATE TABLE likes (
    post_id  bigint      NOT NULL REFERENCES posts (id),
    user_id  bigint      NOT NULL REFERENCES users (id),
    liked_at timestamptz NOT NULL DEFAULT now()
);
-- The obvious index (scenario 02's lesson): a post's likes are found without reading the table.
-- It makes the page correct and reasonable, not cheap: a hot post still has 20 000 likes to count.
CREATE INDEX likes_post_id_idx ON likes (post_id, liked_at) INCLUDE (user_id);
