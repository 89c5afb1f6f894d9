-- Chirp, scenario 04: signing in and claiming limited-edition stickers, with two copies of the app.
-- Loaded once into an empty database (the lab's template); the seed follows in seed.sql.

CREATE TABLE users (
    id            bigint PRIMARY KEY,
    handle        text   NOT NULL UNIQUE,
    -- SHA-256 of handle + ':' + password, in hex. Fine for a lab; a real app uses a slow, salted
    -- password hash (ASP.NET Core Identity's PasswordHasher, bcrypt, Argon2).
    password_hash text   NOT NULL
);

-- A sticker drop: a limited edition that fans claim until the stock runs out.
CREATE TABLE drops (
    id        bigint PRIMARY KEY,
    name      text   NOT NULL,
    stock     int    NOT NULL,
    remaining int    NOT NULL CHECK (remaining <= stock)
);

-- One row per sticker handed out (a fan may claim several, for friends).
CREATE TABLE claims (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    drop_id    bigint      NOT NULL REFERENCES drops (id),
    user_id    bigint      NOT NULL REFERENCES users (id),
    claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claims_user_id_idx ON claims (user_id);
CREATE INDEX claims_drop_id_idx ON claims (drop_id);

-- Sign-in sessions kept by the database: a random token and whose it is.
-- (The app keeps its sessions in its own memory today, so this table starts empty.)
CREATE TABLE sessions (
    token      text        PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
