using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Orchestration.Tests.Projects;

public sealed class DotnetBuildTests
{
    [Fact]
    public void Compiler_errors_are_kept_once_without_the_project_suffix()
    {
        const string output = """
            /repo/scenarios/01/app/Program.cs(12,5): error CS1002: ; expected [/repo/scenarios/01/app/Chirp.csproj]
            /repo/scenarios/01/app/Program.cs(12,5): error CS1002: ; expected [/repo/scenarios/01/app/Chirp.csproj]
            Build FAILED.
            """;
        var messages = DotnetBuild.CompilerMessages(output);
        Assert.Equal(["/repo/scenarios/01/app/Program.cs(12,5): error CS1002: ; expected"], messages);
    }

    [Fact]
    public void Without_compiler_errors_the_last_lines_are_shown()
    {
        var messages = DotnetBuild.CompilerMessages("line one\n\nMSB1009: Project file does not exist.\n");
        Assert.Equal(["line one", "MSB1009: Project file does not exist."], messages);
    }
}
