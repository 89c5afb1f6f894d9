using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SysDesignLab.Progress;

/// <summary>
/// A fingerprint of a project folder's source, used to tell whether a <see cref="Baseline"/> was
/// measured on the same naive app. It must not change with the checkout (Windows line endings,
/// build output, editor folders) but must change with any edit to a file that gets built.
/// </summary>
public static class SourceHash
{
    /// <summary>
    /// SHA-256 (lowercase hex) over every file under <paramref name="directory"/>, skipping
    /// <c>bin</c> and <c>obj</c> folders and hidden files and folders. Files are taken in ordinal
    /// order of their relative path written with '/', and CRLF is read as LF.
    /// </summary>
    public static string Compute(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = new DirectoryInfo(Path.GetFullPath(directory));
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Cannot hash '{root.FullName}': the folder does not exist.");
        }

        var files = new List<(string RelativePath, FileInfo File)>();
        Collect(root, "", files);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(long)];
        foreach (var (relativePath, file) in files)
        {
            var content = NormaliseLineEndings(File.ReadAllBytes(file.FullName));
            // Each file is framed by its path and length so moving bytes between files, or renaming
            // one, changes the hash even when the concatenated bytes would be the same.
            var name = Encoding.UTF8.GetBytes(relativePath);
            BinaryPrimitives.WriteInt64LittleEndian(length, name.Length);
            hash.AppendData(length);
            hash.AppendData(name);
            BinaryPrimitives.WriteInt64LittleEndian(length, content.Length);
            hash.AppendData(length);
            hash.AppendData(content);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Collect(DirectoryInfo folder, string prefix, List<(string, FileInfo)> files)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (IsHidden(entry))
            {
                continue;
            }
            var relativePath = prefix + entry.Name;
            if (entry is FileInfo file)
            {
                files.Add((relativePath, file));
            }
            // Linked folders are not followed: they can form cycles and usually point outside the project.
            else if (entry is DirectoryInfo child && !IsBuildOutput(child) && child.LinkTarget is null)
            {
                Collect(child, relativePath + "/", files);
            }
        }
    }

    // Case-insensitive because on Windows and macOS "Bin" is the same folder as "bin".
    private static bool IsBuildOutput(DirectoryInfo folder) =>
        folder.Name.Equals("bin", StringComparison.OrdinalIgnoreCase)
        || folder.Name.Equals("obj", StringComparison.OrdinalIgnoreCase);

    // Dot-names are hidden on Unix; the attribute covers Windows-hidden files that have no dot.
    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (entry.Attributes & FileAttributes.Hidden) != 0;

    private static byte[] NormaliseLineEndings(byte[] content)
    {
        var crlf = content.AsSpan().IndexOf("\r\n"u8);
        if (crlf < 0)
        {
            return content;
        }
        var result = new byte[content.Length];
        var written = 0;
        var rest = content.AsSpan();
        while (crlf >= 0)
        {
            rest[..crlf].CopyTo(result.AsSpan(written));
            written += crlf;
            result[written++] = (byte)'\n';
            rest = rest[(crlf + 2)..];
            crlf = rest.IndexOf("\r\n"u8);
        }
        rest.CopyTo(result.AsSpan(written));
        written += rest.Length;
        return result[..written];
    }
}
