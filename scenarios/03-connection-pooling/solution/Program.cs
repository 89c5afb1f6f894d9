using Npgsql;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var connectionString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 03`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");

// THE FIX: one pool of connections, opened once and shared by every request.
//
// Before, each request opened its own physical connection: a TCP handshake, a new PostgreSQL
// server process (fork), authentication and a cold catalog cache, all to run one sub-millisecond
// query, then tear it all down. And with 200 users there were up to 200 connections at once on a
// server that allows 40 (max_connections): the rest got "sorry, too many clients already".
//
// A pool keeps a few connections open and lends one to each request for the length of its query.
// - Pooling = true (Npgsql's default): "returning" a connection keeps it open for the next request.
// - MaxPoolSize = 20: the budget. The server allows 40 connections and the lab keeps some for
//   itself; more connections than cores doing work only makes them queue inside PostgreSQL.
//   Little's law sizes it: each query holds a connection ~1 ms, so 20 connections can serve
//   ~20,000 queries/s, far more than 2 cores can compute. Requests beyond 20 wait a moment in the
//   pool's queue (Timeout = 15 s by default) instead of failing at the server.
// - The old "connection is broken after a database restart" errors: Npgsql drops broken
//   connections from the pool and opens new ones; that is not a reason to turn pooling off.
var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true, MaxPoolSize = 20 };
// A data source owns the pool; create it once, at startup, and share it.
await using var db = NpgsqlDataSource.Create(settings.ConnectionString);

var app = builder.Build();

// One post, e.g. when someone opens a link to it.
app.MapGet("/posts/{id:long}", async (long id) =>
{
    // Borrowed from the pool, and returned to it (not closed) at the end of the block.
    await using var connection = await db.OpenConnectionAsync();

    await using var command = new NpgsqlCommand(
        """
        SELECT p.id, u.handle, p.body, p.created_at, p.like_count
        FROM posts p
        JOIN users u ON u.id = p.author_id
        WHERE p.id = @id
        """, connection);
    command.Parameters.AddWithValue("id", id);

    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound(new { error = $"post {id} does not exist" });
    }

    return Results.Ok(new Post(
        Id: reader.GetInt64(0),
        Author: reader.GetString(1),
        Body: reader.GetString(2),
        CreatedAt: reader.GetDateTime(3),
        Likes: reader.GetInt32(4)));
});

app.Run();

// What the API returns for a post: { "id", "author", "body", "createdAt", "likes" }.
internal sealed record Post(long Id, string Author, string Body, DateTime CreatedAt, int Likes);
