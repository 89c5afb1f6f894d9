namespace SysDesignLab.LoadBalancer;

/// <summary>
/// Set by the lab through the environment: <c>LoadBalancer__Destinations</c> (comma-separated
/// replica URLs) and <c>LoadBalancer__Policy</c> (a YARP policy: RoundRobin, LeastRequests,
/// PowerOfTwoChoices, Random, FirstAlphabetical).
/// </summary>
public sealed class LoadBalancerOptions
{
    public const string Section = "LoadBalancer";

    public string Destinations { get; set; } = "";
    public string Policy { get; set; } = "RoundRobin";

    public IReadOnlyList<Uri> DestinationUrls()
    {
        var urls = new List<Uri>();
        foreach (var text in Destinations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"LoadBalancer:Destinations has '{text}', which is not an http(s) URL.");
            }
            urls.Add(url);
        }
        if (urls.Count == 0)
        {
            throw new InvalidOperationException("LoadBalancer:Destinations is empty: set LoadBalancer__Destinations to the replicas' URLs, comma-separated.");
        }
        return urls;
    }
}
