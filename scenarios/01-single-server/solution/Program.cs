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

    // THE FIX: ask PostgreSQL for exactly the page we are going to show.
    //
    // Before, every request pulled all ~250,000 posts (and their authors) across the network,
    // built 250,000 C# objects, sorted them and threw away all but 20. With 100 users that is
    // 25 million rows in flight at once: the database, the network and the garbage collector were
    // all busy with rows nobody would ever see, so every request waited behind every other one.
    //
    // Now the database does the sorting and paging, where the data lives:
    // - ORDER BY created_at DESC, id DESC: newest first; id breaks ties so the order is always
    //   the same and no post appears on two pages or on none.
    // - The index posts_created_at_id_idx is already sorted in exactly that order, so PostgreSQL
    //   walks it from the top and stops after OFFSET + LIMIT entries instead of reading and
    //   sorting the whole table (run EXPLAIN ANALYZE on this query to see it).
    // - LIMIT/OFFSET: only the 20 rows of this page cross the network.
    // - @limit and @offset are parameters, never glued into the SQL text, so a hostile ?page=
    //   value can't turn into SQL (SQL injection).
    //
    // Little's law: requests in the system = throughput x time per request. 100 users always
    // waiting, and only a handful of feeds finishing per second, meant each request took 10-20 s:
    // far past the client's 5 s timeout. Cut the work per request to a millisecond or two and the
    // same 100 users get well over a thousand feeds per second, each in about a tenth of a second.
    await using var command = db.CreateCommand(
        """
        SELECT p.id, u.handle, p.body, p.created_at, p.like_count
        FROM posts p
        JOIN users u ON u.id = p.author_id
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT @limit OFFSET @offset
        """);
    command.Parameters.AddWithValue("limit", PageSize);
    command.Parameters.AddWithValue("offset", (pageNumber - 1L) * PageSize);

    var feed = new List<Post>(PageSize);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        feed.Add(ReadPost(reader));
    }

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
