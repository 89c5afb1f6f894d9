namespace SysDesignLab.Progress.Tests;

/// <summary>A fresh folder per test, removed afterwards so runs don't leak databases into /tmp.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sdlab-progress-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string WriteFile(string relativePath, string content)
    {
        var full = Combine(relativePath.Split('/'));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    // Deletion failing would mean the store left the file open, which is itself a bug worth seeing.
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
