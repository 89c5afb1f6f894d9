using Npgsql;
using SysDesignLab.ScenarioKit;

const int PageSize = 20;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var connectionString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 01`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");
await using var db = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();

// The home feed: the newest posts first, 20 per page.
app.MapGet("/feed", async (int? page) =>
{
    var pageNumber = page ?? 1;
    if (pageNumber < 1)
    {
        return Results.BadRequest(new { error = "page must be 1 or greater" });
    }

    await using var command = db.CreateCommand(
        """
        SELECT p.id, u.handle, p.body, p.created_at, p.like_count
        FROM posts p
        JOIN users u ON u.id = p.author_id
        """);

    var posts = new List<Post>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        posts.Add(ReadPost(reader));
    }

    var feed = posts
        .OrderByDescending(p => p.CreatedAt)
        .ThenByDescending(p => p.Id)
        .Skip((pageNumber - 1) * PageSize)
        .Take(PageSize)
        .ToList();

    return Results.Ok(feed);
});

// One post, e.g. when someone opens a link to it.
app.MapGet("/posts/{id:long}", async (long id) =>
{
    await using var command = db.CreateCommand(
        """
        SELECT p.id, u.handle, p.body, p.created_at, p.like_count
        FROM posts p
        JOIN users u ON u.id = p.author_id
        WHERE p.id = @id
        """);
    command.Parameters.AddWithValue("id", id);

    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound(new { error = $"post {id} does not exist" });
    }

    return Results.Ok(ReadPost(reader));
});

app.Run();

static Post ReadPost(NpgsqlDataReader reader) => new(
    Id: reader.GetInt64(0),
    Author: reader.GetString(1),
    Body: reader.GetString(2),
    CreatedAt: reader.GetDateTime(3),
    Likes: reader.GetInt32(4));

// What the API returns for each post: { "id", "author", "body", "createdAt", "likes" }.
internal sealed record Post(long Id, string Author, string Body, DateTime CreatedAt, int Likes);
