using System.Security.Cryptography;
using System.Text;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// What the scenario's app/ held when it was shipped, as recorded in <c>shipped-app.txt</c>: each
/// file's git blob id and path. The naive app is rebuilt from this record, never from whatever
/// app/ holds now, so a learner who edits (or breaks) app/ before the lab first looks cannot turn
/// their own code into the baseline. The files come from app/ when they still match, else from
/// the git object store, which keeps every shipped version even after the learner commits.
/// </summary>
public sealed class ShippedApp
{
    public const string FileName = "shipped-app.txt";

    private ShippedApp(Scenario scenario, IReadOnlyDictionary<string, string> files)
    {
        Scenario = scenario;
        Files = files;
    }

    public Scenario Scenario { get; }

    /// <summary>Relative path (with '/') → git blob id.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public static string PathFor(Scenario scenario) => Path.Combine(scenario.Directory, FileName);

    public static ShippedApp Load(Scenario scenario)
    {
        var path = PathFor(scenario);
        if (!File.Exists(path))
        {
            throw new LabException(
                $"{Relative(scenario, path)} is missing, so the lab cannot tell what the shipped app is. " +
                "Restore it with `git checkout -- " + Relative(scenario, path) + "` (scenario authors: bash scripts/record-shipped-apps.sh).");
        }
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length != 40 || !parts[0].All(Uri.IsHexDigit) || parts[1].Length == 0)
            {
                throw new LabException($"{Relative(scenario, path)} is malformed at \"{line}\": each line is a git blob id and a path.");
            }
            files[parts[1]] = parts[0].ToLowerInvariant();
        }
        return new ShippedApp(scenario, files);
    }

    /// <summary>The id git gives a file's content: SHA-1 of "blob &lt;length&gt;\0" and the bytes.</summary>
    public static string BlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }

    /// <summary>The source files of a project folder (no bin/, obj/ or hidden parts), by relative path with '/'.</summary>
    public static IReadOnlyDictionary<string, string> Describe(string folder) =>
        SourceFiles(folder).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
            f => BlobId(File.ReadAllBytes(f)),
            StringComparer.Ordinal);

    /// <summary>True when <paramref name="folder"/> holds exactly the shipped files.</summary>
    public bool IsMatchedBy(string folder) => Directory.Exists(folder) && SameFiles(Files, Describe(folder));

    /// <summary>True when two folder descriptions (<see cref="Describe"/>) list the same files with the same content.</summary>
    public static bool SameFiles(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right) =>
        left.Count == right.Count && left.All(f => right.TryGetValue(f.Key, out var id) && id == f.Value);

    /// <summary>Writes the shipped files into <paramref name="target"/> (which must not exist yet).</summary>
    public async Task WriteToAsync(string target, CancellationToken cancellationToken)
    {
        foreach (var (relative, id) in Files)
        {
            var destination = Path.Combine(target, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var current = Path.Combine(Scenario.AppDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(current) && BlobId(await File.ReadAllBytesAsync(current, cancellationToken)) == id)
            {
                File.Copy(current, destination);
                continue;
            }
            await File.WriteAllBytesAsync(destination, await FromGitAsync(relative, id, cancellationToken), cancellationToken);
        }
    }

    public static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" || part.StartsWith('.')));

    private async Task<byte[]> FromGitAsync(string relative, string id, CancellationToken cancellationToken)
    {
        var appFolder = Relative(Scenario, Scenario.AppDirectory);
        var lost = new LabException(
            $"{appFolder}/{relative} has changed and the lab has no copy of the shipped version to measure the naive app on " +
            $"(it is not in this folder's git history either). Get the original back with `git checkout <the commit you started from> -- {appFolder}`, " +
            "or clone the lab again into another folder and copy that file from there.");
        try
        {
            var bytes = await GitBlobAsync(Scenario.Directory, id, cancellationToken);
            return bytes is not null && BlobId(bytes) == id ? bytes : throw lost;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw lost; // no git on this machine
        }
    }

    // Raw bytes, not lines: the blob id covers every byte, trailing newline included.
    private static async Task<byte[]?> GitBlobAsync(string workingDirectory, string id, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git")
        {
            ArgumentList = { "cat-file", "blob", id },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(buffer, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await stderr;
        return process.ExitCode == 0 ? buffer.ToArray() : null;
    }

    private static string Relative(Scenario scenario, string path) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(scenario.Directory)!)!, path);
}
