using Microsoft.AspNetCore.Http;

namespace SysDesignLab.Web.Live;

/// <summary>GET /api/events: the dashboard's stream. Each frame is flushed as it comes, so lag stays well under a second.</summary>
internal static class SseEndpoint
{
    public static async Task StreamAsync(HttpContext context, LiveHub hub, LabJobs jobs)
    {
        var token = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = hub.Subscribe(token);
        await context.Response.WriteAsync($"event: hello\ndata: {{\"busy\":{(jobs.Current is null ? "null" : $"\"{jobs.Current}\"")}}}\n\n", token);
        await context.Response.Body.FlushAsync(token);
        try
        {
            while (!token.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
                idle.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    if (!await reader.WaitToReadAsync(idle.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // A comment line keeps an idle connection from being closed by anything in between.
                    await context.Response.WriteAsync(": beat\n\n", token);
                }
                while (reader.TryRead(out var frame))
                {
                    await context.Response.WriteAsync(frame, token);
                }
                await context.Response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }
}
