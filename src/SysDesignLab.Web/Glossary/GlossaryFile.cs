using SysDesignLab.Orchestration;

namespace SysDesignLab.Web.Glossary;

/// <summary>The glossary lives beside the other docs of the repository the lab serves: docs/glossary.md.</summary>
public static class GlossaryFile
{
    public static string PathIn(LabPaths paths) => System.IO.Path.Combine(paths.RepositoryRoot, "docs", "glossary.md");
}
