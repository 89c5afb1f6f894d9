using System.Security.Cryptography;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// The password of the lab's database user, generated once per data folder. It is kept as a
/// PostgreSQL password file (pgpass format, mode 600), so the lab reads it and a learner's psql can
/// use it through PGPASSFILE without the password ever being shown.
/// </summary>
internal static class PostgresPassword
{
    // Letters and digits only: nothing that needs escaping in a pgpass line or a connection string.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int Length = 32; // ~190 bits

    private static readonly UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The password in <paramref name="pgpassFile"/>, or null when there is none.</summary>
    public static string? Read(string pgpassFile)
    {
        try
        {
            var line = File.ReadLines(pgpassFile).FirstOrDefault(l => !l.StartsWith('#'));
            var fields = line?.Split(':');
            return fields is { Length: 5 } && fields[4].Length > 0 ? fields[4] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The password in the file, after writing a new one when there is none.</summary>
    public static string Ensure(string pgpassFile)
    {
        if (Read(pgpassFile) is { } existing)
        {
            return existing;
        }
        var password = RandomNumberGenerator.GetString(Alphabet, Length);
        var temp = $"{pgpassFile}.{Environment.ProcessId}.tmp";
        // Created 600 from the start, so the password is never readable by others, not even briefly.
        using (var stream = CreateOwnerOnly(temp))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write($"# Written by SysDesign Lab: the password of the lab's PostgreSQL user.\n127.0.0.1:*:*:{PostgresServer.User}:{password}\n");
        }
        try
        {
            // Two lab processes may get here at once: the first file wins and both use it.
            File.Move(temp, pgpassFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(pgpassFile))
        {
            File.Delete(temp);
        }
        return Read(pgpassFile) ?? throw new LabException($"Could not read the lab's database password from {pgpassFile}.");
    }

    /// <summary>
    /// Writes a file holding only the password, for initdb --pwfile, readable by <paramref name="owner"/>
    /// (the postgres user, when the lab runs as root). The caller deletes it.
    /// </summary>
    public static async Task<string> WriteInitDbFileAsync(string folder, string password, string? owner, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, $"initdb-pw.{Environment.ProcessId}.tmp");
        await WriteOwnedAsync(path, password + "\n", owner, "initdb password file", cancellationToken);
        return path;
    }

    /// <summary>
    /// (Re)writes <paramref name="pgpassFile"/> with <paramref name="password"/>, readable by <paramref name="owner"/>
    /// only: a replica's, which pg_basebackup and the replica's WAL receiver read as the postgres user.
    /// </summary>
    public static Task WritePgpassAsync(string pgpassFile, string password, string? owner, CancellationToken cancellationToken) =>
        WriteOwnedAsync(pgpassFile,
            $"# Written by SysDesign Lab: the password of the lab's PostgreSQL user, for a replica.\n127.0.0.1:*:*:{PostgresServer.User}:{password}\n",
            owner, "replica's password file", cancellationToken);

    private static async Task WriteOwnedAsync(string path, string content, string? owner, string what, CancellationToken cancellationToken)
    {
        File.Delete(path); // a file created now is 600 from the start; an older one may have been given away
        await using (var stream = CreateOwnerOnly(path))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(content);
        }
        if (owner is not null)
        {
            var chown = await Processes.ProcessRunner.RunAsync("chown", [owner, path], cancellationToken: cancellationToken);
            if (!chown.Succeeded)
            {
                File.Delete(path);
                throw new LabException($"Could not hand the {what} {path} to the {owner} user: {chown.Output}");
            }
        }
    }

    private static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        return new FileStream(path, options);
    }
}
