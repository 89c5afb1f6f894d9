using System.Text.Json;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Web.Hosting;

/// <summary>The background web lab `sdlab start` left running (.sdlab/web.json), so `sdlab stop` finds it.</summary>
/// <param name="AllowedHosts">Its `--allow-host` names: a start that asks for others restarts it.</param>
public sealed record WebLabState(int Pid, int Port, string Url, string Log, IReadOnlyList<string>? AllowedHosts = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string stateRoot) => Path.Combine(stateRoot, "web.json");

    public static WebLabState? Load(string path) => StateFile.Read<WebLabState>(path, Options);

    public void Save(string path) => StateFile.Write(path, this, Options);
}
