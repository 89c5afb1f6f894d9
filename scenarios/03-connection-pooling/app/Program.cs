using Npgsql;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var connectionString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 03`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");

// We had "connection is broken" errors in production after the database restarted, and turning
// pooling off made them go away: every request now gets a brand-new connection of its own.
var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };

var app = builder.Build();

// One post, e.g. when someone opens a link to it.
app.MapGet("/posts/{id:long}", async (long id) =>
{
    await using var connection = new NpgsqlConnection(settings.ConnectionString);
    await connection.OpenAsync();

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
