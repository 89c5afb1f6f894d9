using SysDesignLab.Tests.Shared;

namespace SysDesignLab.Web.Tests.Browser;

/// <summary>Where browser tests keep their screenshots: kept by CI as test results.</summary>
internal static class Screenshots
{
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(SdlabProcess.RepoRoot, ".sdlab", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
