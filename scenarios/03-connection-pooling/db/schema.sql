-- Chirp, scenario 03: opening a post, on a database server with a small connection budget.
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
