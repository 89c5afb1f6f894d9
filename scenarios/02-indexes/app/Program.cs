using Npgsql;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var connectionString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 02`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");
// One pool of connections, shared by every request (scenario 03).
await using var db = NpgsqlDataSource.Create(connectionString);

// Schema changes: run every Migrations/*.sql file, in name order, before taking any request.
foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Migrations"), "*.sql").Order(StringComparer.Ordinal))
{
    await using var migration = db.CreateCommand(await File.ReadAllTextAsync(file));
    migration.CommandTimeout = 300; // building an index over a big table takes a while
    await migration.ExecuteNonQueryAsync();
    Console.WriteLine($"Applied migration {Path.GetFileName(file)}");
}

var app = builder.Build();

// A profile, by handle: /users/ada_lovelace7. People type handles in any case, so the lookup
// ignores case: Ada_Lovelace7, ada_lovelace7 and ADA_LOVELACE7 are the same person.
app.MapGet("/users/{handle}", async (string handle) =>
{
    await using var command = db.CreateCommand(
        """
        SELECT id, handle, display_name, created_at
        FROM users
        WHERE lower(handle) = lower(@handle)
        """);
    command.Parameters.AddWithValue("handle", handle);

    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound(new { error = $"no user with handle {handle}" });
    }

    return Results.Ok(new User(
        Id: reader.GetInt64(0),
        Handle: reader.GetString(1),
        DisplayName: reader.GetString(2),
        CreatedAt: reader.GetDateTime(3)));
});

// A user's timeline: their 20 newest posts, newest first.
app.MapGet("/users/{id:long}/posts", async (long id) =>
{
    await using var command = db.CreateCommand(
        """
        SELECT id, author_id, body, created_at, like_count
        FROM posts
        WHERE author_id = @id
        ORDER BY created_at DESC
        LIMIT 20
        """);
    command.Parameters.AddWithValue("id", id);

    var posts = new List<Post>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        posts.Add(new Post(
            Id: reader.GetInt64(0),
            AuthorId: reader.GetInt64(1),
            Body: reader.GetString(2),
            CreatedAt: reader.GetDateTime(3),
            Likes: reader.GetInt32(4)));
    }

    return Results.Ok(posts);
});

// Write a post: { "authorId": 42, "body": "Hello, Chirp!" }.
app.MapPost("/posts", async (NewPost post) =>
{
    if (string.IsNullOrWhiteSpace(post.Body) || post.Body.Length > 280)
    {
        return Results.BadRequest(new { error = "a post needs a body of 1 to 280 characters" });
    }

    await using var command = db.CreateCommand(
        """
        INSERT INTO posts (author_id, body, created_at)
        VALUES (@authorId, @body, now())
        RETURNING id, created_at
        """);
    command.Parameters.AddWithValue("authorId", post.AuthorId);
    command.Parameters.AddWithValue("body", post.Body);

    try
    {
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var created = new Post(reader.GetInt64(0), post.AuthorId, post.Body, reader.GetDateTime(1), Likes: 0);
        return Results.Created($"/posts/{created.Id}", created);
    }
    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
    {
        return Results.BadRequest(new { error = $"no user with id {post.AuthorId}" });
    }
});

app.Run();

// What the API returns: a user { "id", "handle", "displayName", "createdAt" } and a post
// { "id", "authorId", "body", "createdAt", "likes" }; what it accepts to write a post.
internal sealed record User(long Id, string Handle, string DisplayName, DateTime CreatedAt);
internal sealed record Post(long Id, long AuthorId, string Body, DateTime CreatedAt, int Likes);
internal sealed record NewPost(long AuthorId, string Body);
