using System.Collections.Concurrent;
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

// Lesson learned in scenario 03: one shared pool, with a maximum. Our database allows 40
// connections (max_connections), so 30 for Chirp leaves 10 for admin tools and migrations.
var settings = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 };
await using var db = NpgsqlDataSource.Create(settings.ConnectionString);

// Who is signed in: token -> user id. Fast, and no table to migrate.
var sessions = new ConcurrentDictionary<string, long>();

// One claim at a time, so two fans can never both take the last sticker.
var claimLock = new SemaphoreSlim(1, 1);

var app = builder.Build();

// Sign in: { "handle": "user123", "password": "chirp" } -> { "token": "..." }.
app.MapPost("/login", async (LoginRequest login) =>
{
    await using var command = db.CreateCommand("SELECT id, password_hash FROM users WHERE handle = @handle");
    command.Parameters.AddWithValue("handle", login.Handle);
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync() || reader.GetString(1) != PasswordHash(login.Handle, login.Password))
    {
        return Results.Unauthorized();
    }

    var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    sessions[token] = reader.GetInt64(0);
    return Results.Ok(new { token });
});

// The signed-in user: { "handle": "user123", "stickers": 2 }.
app.MapGet("/me", async (HttpRequest request) =>
{
    if (SignedInUser(request) is not { } userId)
    {
        return Results.Unauthorized();
    }

    await using var command = db.CreateCommand(
        """
        SELECT u.handle, (SELECT count(*) FROM claims c WHERE c.user_id = u.id)
        FROM users u
        WHERE u.id = @id
        """);
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
    if (SignedInUser(request) is not { } userId)
    {
        return Results.Unauthorized();
    }

    await claimLock.WaitAsync();
    try
    {
        await using var connection = await db.OpenConnectionAsync();

        await using var read = new NpgsqlCommand("SELECT remaining FROM drops WHERE id = @id", connection);
        read.Parameters.AddWithValue("id", id);
        if (await read.ExecuteScalarAsync() is not int remaining)
        {
            return Results.NotFound(new { error = $"drop {id} does not exist" });
        }
        if (remaining <= 0)
        {
            return Results.Conflict(new { error = "sold out" });
        }

        await using var write = new NpgsqlCommand("UPDATE drops SET remaining = @remaining WHERE id = @id", connection);
        write.Parameters.AddWithValue("remaining", remaining - 1);
        write.Parameters.AddWithValue("id", id);
        await write.ExecuteNonQueryAsync();

        await using var insert = new NpgsqlCommand(
            "INSERT INTO claims (drop_id, user_id) VALUES (@drop, @user) RETURNING id", connection);
        insert.Parameters.AddWithValue("drop", id);
        insert.Parameters.AddWithValue("user", userId);
        var claimId = (long)(await insert.ExecuteScalarAsync())!;

        return Results.Ok(new { claim = claimId, remaining = remaining - 1 });
    }
    finally
    {
        claimLock.Release();
    }
});

app.Run();

// "Authorization: Bearer <token>" -> the user it belongs to, or null when we don't know the token.
long? SignedInUser(HttpRequest request)
{
    var header = request.Headers.Authorization.ToString();
    return header.StartsWith("Bearer ", StringComparison.Ordinal)
        && sessions.TryGetValue(header["Bearer ".Length..], out var userId) ? userId : null;
}

// Must match db/seed.sql: SHA-256 of handle + ':' + password, in lowercase hex.
static string PasswordHash(string handle, string password) =>
    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{handle}:{password}")));

internal sealed record LoginRequest(string Handle, string Password);
