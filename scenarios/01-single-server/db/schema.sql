-- Chirp, scenario 01: the home feed of one small social app on one server.
-- Loaded once into an empty database (the lab's template); the seed follows in seed.sql.

CREATE TABLE users (
    id           bigint PRIMARY KEY,
    handle       text   NOT NULL UNIQUE,
    display_name text   NOT NULL
);

CREATE TABLE posts (
    id         bigint      PRIMARY KEY,
    author_id  bigint      NOT NULL REFERENCES users (id),
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    like_count int         NOT NULL
);

-- Already here on purpose: this scenario is about where the sorting and paging happen, not about
-- indexes (that is scenario 02). With it, "newest first, 20 at a time" is a short walk down the
-- index instead of a sort of the whole table.
CREATE INDEX posts_created_at_id_idx ON posts (created_at DESC, id DESC);
