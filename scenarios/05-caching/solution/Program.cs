using System.Text.Json;
using Npgsql;
using StackExchange.Redis;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults(); // /metrics and /health for the lab; nothing to do with Chirp itself

var connectionString = builder.Configuration.GetConnectionString("Chirp")
    ?? throw new InvalidOperationException(
        "No connection string 'Chirp'. Start the app with `sdlab start 05`, or set the environment variable "
        + "ConnectionStrings__Chirp (e.g. Host=127.0.0.1;Port=5432;Username=...;Database=chirp).");
var redisConnectionString = builder.Configuration.GetConnectionString("Redis")
    ?? throw new InvalidOperationException(
        "No connection string 'Redis'. Start the app with `sdlab start 05`, or set the environment variable "
        + "ConnectionStrings__Redis (e.g. 127.0.0.1:6379,password=...).");

// Lessons of 03 and 04: one pool per instance, and two instances share the server's 40 connections.
var settings = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 15 };
await using var db = NpgsqlDataSource.Create(settings.ConnectionString);

// The team's Redis server (settings in redis.conf). One connection per instance, shared by all
// requests: StackExchange.Redis multiplexes them.
await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
var cache = redis.GetDatabase();

// THE FIX, part 1: cache-aside in Redis, the one cache both instances share. Not a MemoryCache:
// each instance would keep its own copy, and a like handled by one instance could only clear its
// own copy while the other kept serving the old count.
// The TTL is a safety net (an entry nobody invalidated still goes within a minute); freshness
// comes from deleting the entry on every like (part 2).
var pageTtl = TimeSpan.FromMinutes(1);
static RedisKey PageKey(long id) => $"post:{id}";

var app = builder.Build();

// A post's page: { "id": 1, "author": "user42", "body": "...", "likes": 20000, "likesToday": 2009, "likers": 8123 }
app.MapGet("/posts/{id:long}", async (long id) =>
{
    // A hit costs one Redis round trip instead of counting 20 000 likes.
    var cached = await cache.StringGetAsync(PageKey(id));
    if (cached.HasValue)
    {
        return Results.Content((string)cached!, "application/json");
    }

    // A miss: work the page out from the database as before, and keep it for the next reader.
    if (await LoadPostAsync(id) is not { } post)
    {
        return Results.NotFound(new { error = $"post {id} does not exist" });
    }
    var json = JsonSerializer.Serialize(post, JsonSerializerOptions.Web);
    await cache.StringSetAsync(PageKey(id), json, pageTtl);
    return Results.Content(json, "application/json");
});

// Like a post: { "user": 7 } -> 200 { "post": 1, "liked": true }.
app.MapPost("/posts/{id:long}/like", async (long id, LikeRequest like) =>
{
    await using var command = db.CreateCommand(
        "INSERT INTO likes (post_id, user_id) SELECT id, @user FROM posts WHERE id = @id");
    command.Parameters.AddWithValue("id", id);
    command.Parameters.AddWithValue("user", like.User);
    if (await command.ExecuteNonQueryAsync() != 1)
    {
        return Results.NotFound(new { error = $"post {id} does not exist" });
    }

    // THE FIX, part 2: invalidate on write. The cached page holds the old count: delete it after the
    // like is committed, so the next reader, on either instance, rebuilds it from the database.
    // Deleting (not updating) the entry keeps one place that knows how a page is built.
    await cache.KeyDeleteAsync(PageKey(id));
    return Results.Ok(new { post = id, liked = true });
});

app.Run();

// Counting a viral post's 20 000 likes, those of the last day and the distinct likers reads every
// one of its likes, even through the index: correct, and tens of milliseconds of work per page.
async Task<Post?> LoadPostAsync(long id)
{
    await using var command = db.CreateCommand(
        """
        SELECT p.id, u.handle, p.body,
               (SELECT count(*) FROM likes l WHERE l.post_id = p.id),
               (SELECT count(*) FROM likes l WHERE l.post_id = p.id AND l.liked_at > now() - interval '1 day'),
               (SELECT count(DISTINCT l.user_id) FROM likes l WHERE l.post_id = p.id)
        FROM posts p JOIN users u ON u.id = p.author_id
        WHERE p.id = @id
        """);
    command.Parameters.AddWithValue("id", id);
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? new Post(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5))
        : null;
}

internal sealed record Post(long Id, string Author, string Body, long Likes, long LikesToday, long Likers);

internal sealed record LikeRequest(long User);
