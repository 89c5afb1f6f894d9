using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var primaryString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 07`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");
var replicaString = builder.Configuration.GetConnectionString("ChirpReplica")
    ?? throw new InvalidOperationException(
        "No connection string 'ChirpReplica'. Start the app with `sdlab start 07`, or set the environment variable "
        + "ConnectionStrings__ChirpReplica (the read replica's Host=...;Port=...).");

// Two instances share the database's connections (lesson of 04): 15 each.
await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(primaryString) { MaxPoolSize = 15 }.ConnectionString);

// The read replica: a streaming copy of the database that applies each commit about half a second
// after the primary. Reads go here, so the primary's work is writes and the reads that must be fresh.
await using var replica = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(replicaString) { MaxPoolSize = 15 }.ConnectionString);

var app = builder.Build();

// A user's page: their 20 newest posts (GET /users/{id}/posts for anyone, GET /me/posts for yourself).
const string UserPostsSql =
    """
    SELECT p.id, u.handle, p.body, p.created_at
    FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.author_id = @author
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT 20
    """;

// Sign in: { "handle": "user123", "password": "chirp" } -> { "token": "..." }, kept in the sessions table.
app.MapPost("/login", async (LoginRequest login) =>
{
    await using var command = db.CreateCommand("SELECT id FROM users WHERE handle = @handle AND password_hash = @hash");
    command.Parameters.AddWithValue("handle", login.Handle);
    command.Parameters.AddWithValue("hash", PasswordHash(login.Handle, login.Password));
    if (await command.ExecuteScalarAsync() is not long userId)
    {
        return Results.Unauthorized();
    }

    var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    await using var insert = db.CreateCommand("INSERT INTO sessions (token, user_id) VALUES (@token, @user)");
    insert.Parameters.AddWithValue("token", token);
    insert.Parameters.AddWithValue("user", userId);
    await insert.ExecuteNonQueryAsync();
    return Results.Ok(new { token });
});

// Post a chirp: { "text": "..." } -> { "id": 50001 }.
app.MapPost("/posts", async (NewPost post, HttpRequest request) =>
{
    if (await SignedInAsync(request) is not { } session)
    {
        return Results.Unauthorized();
    }

    await using var insert = db.CreateCommand("INSERT INTO posts (author_id, body) VALUES (@author, @body) RETURNING id");
    insert.Parameters.AddWithValue("author", session.UserId);
    insert.Parameters.AddWithValue("body", post.Text);
    var id = (long)(await insert.ExecuteScalarAsync())!;

    // Read-your-writes: remember how far the primary's WAL (its log of changes) had got once the post
    // was committed. The replica shows this post as soon as it has replayed that far. Kept in the
    // session's row, so both instances know it (lesson of 04: no per-instance memory).
    await using var remember = db.CreateCommand("UPDATE sessions SET last_write_lsn = pg_current_wal_insert_lsn() WHERE token = @token");
    remember.Parameters.AddWithValue("token", session.Token);
    await remember.ExecuteNonQueryAsync();
    return Results.Ok(new { id });
});

// The timeline, for everyone: the 50 newest posts with their authors. Half a second behind is fine
// for a public timeline, so it always comes from the replica.
app.MapGet("/timeline", async () =>
{
    await using var command = replica.CreateCommand(
        """
        SELECT p.id, u.handle, p.body, p.created_at
        FROM posts p JOIN users u ON u.id = p.author_id
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT 50
        """);
    return Results.Ok(await ReadPostsAsync(command));
});

// A user's page, for everyone: their 20 newest posts. From the replica, like the timeline.
app.MapGet("/users/{id:long}/posts", async (long id) =>
{
    await using var command = replica.CreateCommand(UserPostsSql);
    command.Parameters.AddWithValue("author", id);
    return Results.Ok(await ReadPostsAsync(command));
});

// My own page: my 20 newest posts. Right after posting, my new post must be on it.
app.MapGet("/me/posts", async (HttpRequest request) =>
{
    if (await SignedInAsync(request) is not { } session)
    {
        return Results.Unauthorized();
    }

    // The replica, unless it has not replayed my latest post yet: then the primary, which has it.
    var source = await ReadSourceAsync(session);
    await using var command = source.CreateCommand(UserPostsSql);
    command.Parameters.AddWithValue("author", session.UserId);
    return Results.Ok(await ReadPostsAsync(command));
});

app.Run();

// "Authorization: Bearer <token>" -> the session it belongs to, or null when the token is unknown.
// Looked up on the primary: a login is a write too, and the replica would not know a token for
// half a second after it was made. One row by primary key, the cheapest read there is.
async Task<Session?> SignedInAsync(HttpRequest request)
{
    var header = request.Headers.Authorization.ToString();
    if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
    {
        return null;
    }
    var token = header["Bearer ".Length..];
    await using var command = db.CreateCommand("SELECT user_id, last_write_lsn FROM sessions WHERE token = @token");
    command.Parameters.AddWithValue("token", token);
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? new Session(token, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1))
        : null;
}

// Where this user's reads of their own data may go: the replica once it has replayed the user's
// latest write (or when they never wrote), else the primary. pg_last_wal_replay_lsn() is how far
// the replica has applied the primary's WAL.
async Task<NpgsqlDataSource> ReadSourceAsync(Session session)
{
    if (session.LastWriteLsn is not { } lsn)
    {
        return replica;
    }
    await using var command = replica.CreateCommand("SELECT pg_last_wal_replay_lsn() >= @lsn");
    command.Parameters.AddWithValue("lsn", NpgsqlDbType.PgLsn, lsn);
    return await command.ExecuteScalarAsync() is true ? replica : db;
}

static async Task<List<PostView>> ReadPostsAsync(NpgsqlCommand command)
{
    var posts = new List<PostView>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        posts.Add(new PostView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
    }
    return posts;
}

// Must match db/seed.sql: SHA-256 of handle + ':' + password, in lowercase hex.
static string PasswordHash(string handle, string password) =>
    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{handle}:{password}")));

internal sealed record LoginRequest(string Handle, string Password);
internal sealed record NewPost(string Text);
internal sealed record Session(string Token, long UserId, NpgsqlLogSequenceNumber? LastWriteLsn);
internal sealed record PostView(long Id, string Author, string Body, DateTimeOffset CreatedAt);
