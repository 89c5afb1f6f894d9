namespace SysDesignLab.Web.Catalog;

/// <summary>A tier of the curriculum and the sentence the catalog says about it.</summary>
public sealed record Tier(string Name, string Scenarios, string Blurb)
{
    // In the curriculum's own words (docs/curriculum.md, "Track 1"): the tier, its scenario numbers, its promise.
    public static IReadOnlyList<Tier> All { get; } =
    [
        new("crawling", "01–04", "One server and why it breaks: the life of a request, indexes, connection pools, and what a second instance changes."),
        new("walking", "05–07", "Scale a single system: caching, load balancing, replication."),
        new("running", "08–10", "Split and decouple: message queues, publish/subscribe, rate limiting."),
        new("sprinting", "11–14", "Apply everything to real systems: a URL shortener, notifications, a news feed, chat."),
    ];
}
