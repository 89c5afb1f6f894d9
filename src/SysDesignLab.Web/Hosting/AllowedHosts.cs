using System.Globalization;
using Microsoft.AspNetCore.Http;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Web.Hosting;

/// <summary>
/// The names the web lab answers to: its loopback names on its own port, plus hosts the learner
/// configured (a Codespaces forward). A page served under any other name is a DNS-rebinding page
/// that resolved to 127.0.0.1, so even its GETs are refused.
/// </summary>
public sealed class AllowedHosts
{
    public const string EnvironmentVariable = "SDLAB_WEB_ALLOWED_HOSTS";
    public const string Option = "--allow-host";

    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost", "[::1]"];
    private readonly int _port;
    private readonly IReadOnlyList<HostPattern> _extra;

    private AllowedHosts(int port, IReadOnlyList<HostPattern> extra)
    {
        _port = port;
        _extra = extra;
    }

    /// <summary>What `--allow-host`, SDLAB_WEB_ALLOWED_HOSTS and a Codespace add to the loopback names.</summary>
    public IReadOnlyList<string> Extra => [.. _extra.Select(p => p.Text)];

    /// <summary>The loopback names on <paramref name="port"/>, the given hosts, those in SDLAB_WEB_ALLOWED_HOSTS and, in a Codespace, its forward of the port.</summary>
    /// <param name="environment">Reads an environment variable; tests pass their own.</param>
    public static AllowedHosts Create(int port, IEnumerable<string>? configured = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var patterns = new List<HostPattern>();
        foreach (var entry in configured ?? [])
        {
            patterns.Add(HostPattern.Parse(entry, Option));
        }
        foreach (var entry in (environment(EnvironmentVariable) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            patterns.Add(HostPattern.Parse(entry, EnvironmentVariable));
        }
        if (CodespaceForward(port, environment) is { } forward)
        {
            patterns.Add(HostPattern.Parse(forward, "the Codespace"));
        }
        return new AllowedHosts(port, patterns);
    }

    public bool Allows(HostString host) =>
        host.HasValue && (IsLoopback(host.Host, host.Port) || _extra.Any(p => p.Matches(host.Host, host.Port)));

    /// <summary>An Origin header names the page that sent the request: only the lab's own pages may change anything.</summary>
    public bool AllowsOrigin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            return false;
        }
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        return uri.Scheme switch
        {
            // The lab itself serves plain HTTP; a forward (Codespaces) may put HTTPS in front of it.
            "http" => IsLoopback(host, uri.Port) || _extra.Any(p => p.Matches(host, uri.Port)),
            "https" => _extra.Any(p => p.Matches(host, uri.Port)),
            _ => false,
        };
    }

    /// <summary>The refusal a learner (or a proxy's owner) reads: which host, what is allowed, how to allow one.</summary>
    public string Refusal(HostString host)
    {
        var shown = host.HasValue ? host.Value : "";
        shown = shown.Length > 100 ? shown[..100] + "…" : shown;
        var port = _port.ToString(CultureInfo.InvariantCulture);
        var allowed = string.Join(", ", LoopbackNames.Select(n => $"{n}:{port}").Concat(Extra));
        return $"The web lab refused host '{shown}': it answers only {allowed}. " +
            $"To allow another host (e.g. a Codespaces forward), start it with {Option} HOST or set {EnvironmentVariable}=HOST (comma-separated; '*.app.github.dev' allows its subdomains).\n";
    }

    private bool IsLoopback(string name, int? port) =>
        port == _port && LoopbackNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    // GitHub sets these in every Codespace; its forward of the port is https://NAME-PORT.DOMAIN.
    private static string? CodespaceForward(int port, Func<string, string?> environment) =>
        environment("CODESPACES") == "true"
        && environment("CODESPACE_NAME") is { Length: > 0 } name
        && environment("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN") is { Length: > 0 } domain
            ? $"{name}-{port.ToString(CultureInfo.InvariantCulture)}.{domain}"
            : null;

    /// <summary>"name", "name:port", "*.domain" or "*.domain:port". Without a port, any port matches (a forward answers on 443).</summary>
    private sealed record HostPattern(string Text, string Name, bool Wildcard, int? Port)
    {
        public static HostPattern Parse(string text, string source)
        {
            var rest = text.Trim();
            int? port = null;
            var colon = rest.LastIndexOf(':');
            if (colon > 0 && !rest.EndsWith(']'))
            {
                if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                {
                    throw Invalid(text, source);
                }
                port = p;
                rest = rest[..colon];
            }
            var wildcard = rest.StartsWith("*.", StringComparison.Ordinal);
            var name = wildcard ? rest[2..] : rest;
            var valid = name.Length > 0
                && (name.StartsWith('[') ? Uri.CheckHostName(name.Trim('[', ']')) == UriHostNameType.IPv6 && name.EndsWith(']') : Uri.CheckHostName(name) is UriHostNameType.Dns or UriHostNameType.IPv4)
                // "*.dev" or "*.com" would hand the lab to half the internet.
                && (!wildcard || name.Contains('.', StringComparison.Ordinal));
            return valid ? new HostPattern(text.Trim(), name, wildcard, port) : throw Invalid(text, source);
        }

        public bool Matches(string host, int? port) =>
            (Port is null || Port == port)
            && (Wildcard
                ? host.Length > Name.Length + 1 && host.EndsWith("." + Name, StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, Name, StringComparison.OrdinalIgnoreCase));

        private static LabException Invalid(string text, string source) =>
            new($"{source}: '{text}' is not a host name. Give a name such as 'lab.example', 'lab.example:8080' or '*.app.github.dev' (no scheme, no path).");
    }
}
