namespace SysDesignLab.Orchestration;

/// <summary>A resource's network address; always on loopback in the lab.</summary>
public sealed record Endpoint(string Name, string Scheme, string Host, int Port)
{
    public Uri Url => new($"{Scheme}://{Host}:{Port}/");
    public override string ToString() => Scheme is "http" or "https" ? Url.ToString().TrimEnd('/') : $"{Host}:{Port}";
}
