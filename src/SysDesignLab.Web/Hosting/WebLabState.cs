using System.Text.Json;

namespace SysDesignLab.Web.Hosting;

/// <summary>The background web lab `sdlab start` left running (.sdlab/web.json), so `sdlab stop` finds it.</summary>
/// <param name="AllowedHosts">Its `--allow-host` names: a start that asks for others restarts it.</param>
public sealed record WebLabState(int Pid, int Port, string Url, string Log, IReadOnlyList<string>? AllowedHosts = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string stateRoot) => Path.Combine(stateRoot, "web.json");

    public static WebLabState? Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<WebLabState>(File.ReadAllText(path), Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Options));
        File.Move(temp, path, overwrite: true);
    }
}
