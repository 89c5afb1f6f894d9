using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var connectionString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 04`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");

// THE FIX, part 3: the connection budget is shared by every copy of the app.
//
// The server allows 40 connections (max_connections); 10 stay free for admin tools, migrations
// and monitoring, so Chirp as a whole gets 30. Chirp now runs as 2 instances, each with its own
// pool, so each pool gets 30 / 2 = 15. With 30 each, the two pools together tried to hold 60 and
// PostgreSQL refused the 41st with "sorry, too many clients already".
// Little's law says 15 is plenty: a query holds its connection about 1 ms, so 15 connections
// serve thousands of queries a second; extra requests wait a moment in the pool's queue.
// Scale to 3 instances and this must become 10: the arithmetic is part of deploying.
const int Instances = 2;
const int ConnectionBudget = 30;
var settings = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = ConnectionBudget / Instances };
await using var db = NpgsqlDataSource.Create(settings.ConnectionString);

// THE FIX, part 1: no sessions in this process's memory. The load balancer sends each request to
// whichever instance is next, so a session kept by instance 1 is unknown to instance 2, which
// answered 401 to about half of every user's requests. Sessions now live in the `sessions` table,
// which both instances read: the app itself keeps nothing between requests (it is *stateless*),
// so any instance can serve any request, and one can restart without signing anybody out.
//
// THE FIX, part 2: no C# lock around the claim. A lock (or SemaphoreSlim) lives in one process's
// memory: it kept two claims of the *same* instance apart, while the other instance ran its own
// claims through its own lock, and both read "1 left" and both sold it. The claim is now one SQL
// statement, and PostgreSQL, the one place both instances share, makes it atomic (see below).

var app = builder.Build();

// Sign in: { "handle": "user123", "password": "chirp" } -> { "token": "..." }.
app.MapPost("/login", async (LoginRequest login) =>
{
    await using var connection = await db.OpenConnectionAsync();
    await using var find = new NpgsqlCommand("SELECT id, password_hash FROM users WHERE handle = @handle", connection);
    find.Parameters.AddWithValue("handle", login.Handle);
    long userId;
    await using (var reader = await find.ExecuteReaderAsync())
    {
        if (!await reader.ReadAsync() || reader.GetString(1) != PasswordHash(login.Handle, login.Password))
        {
            return Results.Unauthorized();
        }
        userId = reader.GetInt64(0);
    }

    // The token is still random and unguessable; what changed is where we remember it.
    var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    await using var remember = new NpgsqlCommand("INSERT INTO sessions (token, user_id) VALUES (@token, @user)", connection);
    remember.Parameters.AddWithValue("token", token);
    remember.Parameters.AddWithValue("user", userId);
    await remember.ExecuteNonQueryAsync();
    return Results.Ok(new { token });
});

// The signed-in user: { "handle": "user123", "stickers": 2 }.
app.MapGet("/me", async (HttpRequest request) =>
{
    await using var connection = await db.OpenConnectionAsync();
    if (await SignedInUserAsync(request, connection) is not { } userId)
    {
        return Results.Unauthorized();
    }

    await using var command = new NpgsqlCommand(
        """
        SELECT u.handle, (SELECT count(*) FROM claims c WHERE c.user_id = u.id)
        FROM users u
        WHERE u.id = @id
        """, connection);
    command.Parameters.AddWithValue("id", userId);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return Results.Ok(new { handle = reader.GetString(0), stickers = reader.GetInt64(1) });
});

// A drop's page, for everyone: { "id": 1, "name": "...", "stock": 300, "remaining": 12 }.
app.MapGet("/drops/{id:long}", async (long id) =>
{
    await using var command = db.CreateCommand("SELECT id, name, stock, remaining FROM drops WHERE id = @id");
    command.Parameters.AddWithValue("id", id);
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound(new { error = $"drop {id} does not exist" });
    }
    return Results.Ok(new { id = reader.GetInt64(0), name = reader.GetString(1), stock = reader.GetInt32(2), remaining = reader.GetInt32(3) });
});

// Claim one sticker of a drop: 200 with the claim, or 409 when it is sold out.
app.MapPost("/drops/{id:long}/claim", async (long id, HttpRequest request) =>
{
    await using var connection = await db.OpenConnectionAsync();
    if (await SignedInUserAsync(request, connection) is not { } userId)
    {
        return Results.Unauthorized();
    }

    // One statement does the check and the write together, so nothing can happen in between:
    // - `remaining > 0` is part of the UPDATE. PostgreSQL locks the drop's row while it updates it;
    //   a claim from the other instance waits for that lock, then re-checks `remaining > 0` on the
    //   new value. Two claims can't both take the last sticker, whichever instance they run on.
    // - The INSERT uses what the UPDATE returned: no row updated (sold out) means no claim inserted.
    // - One statement is one transaction: the stock and the claims can't disagree, even if the app
    //   crashes halfway.
    // (The naive version read `remaining`, decided in C#, then wrote `remaining - 1`: between its
    // read and its write the other instance read the same value, and both sold the same sticker.)
    await using var claim = new NpgsqlCommand(
        """
        WITH taken AS (
            UPDATE drops SET remaining = remaining - 1
            WHERE id = @drop AND remaining > 0
            RETURNING id, remaining
        )
        INSERT INTO claims (drop_id, user_id)
        SELECT id, @user FROM taken
        RETURNING id, (SELECT remaining FROM taken)
        """, connection);
    claim.Parameters.AddWithValue("drop", id);
    claim.Parameters.AddWithValue("user", userId);
    await using var reader = await claim.ExecuteReaderAsync();
    if (await reader.ReadAsync())
    {
        return Results.Ok(new { claim = reader.GetInt64(0), remaining = reader.GetInt32(1) });
    }
    await reader.CloseAsync();

    // Nothing was claimed: sold out, or no such drop.
    await using var exists = new NpgsqlCommand("SELECT 1 FROM drops WHERE id = @drop", connection);
    exists.Parameters.AddWithValue("drop", id);
    return await exists.ExecuteScalarAsync() is null
        ? Results.NotFound(new { error = $"drop {id} does not exist" })
        : Results.Conflict(new { error = "sold out" });
});

app.Run();

// "Authorization: Bearer <token>" -> the user it belongs to, looked up in the shared sessions
// table, or null when nobody signed in with that token (on any instance).
static async Task<long?> SignedInUserAsync(HttpRequest request, NpgsqlConnection connection)
{
    var header = request.Headers.Authorization.ToString();
    if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
    {
        return null;
    }
    await using var command = new NpgsqlCommand("SELECT user_id FROM sessions WHERE token = @token", connection);
    command.Parameters.AddWithValue("token", header["Bearer ".Length..]);
    return await command.ExecuteScalarAsync() as long?;
}

// Must match db/seed.sql: SHA-256 of handle + ':' + password, in lowercase hex.
static string PasswordHash(string handle, string password) =>
    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{handle}:{password}")));

internal sealed record LoginRequest(string Handle, string Password);
