using System.Net;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// Keeps the load generator pointed at the learner's own machine unless they opt in, so a typo in a URL
/// cannot turn a lesson into an accidental attack on someone else's server.
/// </summary>
public static class LoopbackGuard
{
    /// <summary>
    /// True for 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost". Purely syntactic: a name that merely
    /// resolves to a loopback address is not trusted, because what it resolves to can change.
    /// </summary>
    public static bool IsLoopback(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri)
        {
            return false;
        }

        var host = target.DnsSafeHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    public static void EnsureAllowed(Uri target, bool allowRemote)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (allowRemote || IsLoopback(target))
        {
            return;
        }

        var host = target.IsAbsoluteUri ? target.Host : target.OriginalString;
        throw new LoadTargetException(
            $"Refusing to send load to '{host}' because it is not a loopback address; pass --allow-remote if you own that server and really mean to load-test it.",
            target);
    }
}
