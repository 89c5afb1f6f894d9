// The server under test for bench/run.sh: as little work as possible on "/", a fixed 20 ms on "/slow",
// so any difference between load generators is the generators'. Listen address via --urls.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapGet("/", () => "ok");
app.MapGet("/slow", async () =>
{
    await Task.Delay(20);
    return "ok";
});

app.Run();
