using System.Text.Json;

namespace SysDesignLab.Orchestration;

/// <summary>
/// The lab's small JSON state files (run.json, web.json, check.json), which other lab processes
/// read at any moment: written to a temporary file of this process and renamed over the old one,
/// so a reader (or a kill mid-write) sees the previous file or the new one, never half of one.
/// </summary>
public static class StateFile
{
    /// <summary>The file's value, or null when it is missing, unreadable or not this JSON.</summary>
    public static T? Read<T>(string path, JsonSerializerOptions options) where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // IOException: deleted by its owner between the check and the read.
            return null;
        }
    }

    public static void Write<T>(string path, T value, JsonSerializerOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(value, options));
        File.Move(temp, path, overwrite: true);
    }
}
