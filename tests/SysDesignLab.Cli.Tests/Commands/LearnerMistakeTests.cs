namespace SysDesignLab.Cli.Tests.Commands;

/// <summary>What a learner's broken edit produces: the compiler's message or the manifest's problem, never a stack trace.</summary>
[Trait("Category", "Integration")]
public sealed class LearnerMistakeTests
{
    [Fact]
    public async Task Check_of_an_app_that_does_not_compile_shows_the_compiler_error_and_exits_2()
    {
        using var copy = new RepositoryCopy("01-single-server");
        File.AppendAllText(Path.Combine(copy.ScenarioDirectory, "app", "Program.cs"), "\nthis is not C#\n");
        using var sdlab = new SdlabProcess(copy.Root);
        var result = await sdlab.RunAsync("check", "01");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not compile", result.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(", result.Output, StringComparison.Ordinal);
        Assert.Contains("error CS", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_of_an_app_that_blocks_before_app_Run_says_nothing_was_logged_and_why()
    {
        using var copy = new RepositoryCopy("01-single-server");
        // A blocking call at startup: Kestrel never starts, so the app never answers /health and logs nothing.
        copy.Edit(Path.Combine("app", "Program.cs"), "\napp.Run();", "\nThread.Sleep(Timeout.Infinite);\napp.Run();");
        using var sdlab = new SdlabProcess(copy.Root);
        var result = await sdlab.RunAsync("start", "01", "--no-web");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not become healthy", result.Output, StringComparison.Ordinal);
        Assert.Contains("logged nothing at all", result.Output, StringComparison.Ordinal);
        Assert.Contains("before `app.Run()` blocks", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_manifest_names_the_file_and_the_field()
    {
        using var copy = new RepositoryCopy("01-single-server");
        copy.Edit("scenario.json", "\"users\": 100", "\"users\": \"many\"");
        using var sdlab = new SdlabProcess(copy.Root);
        var result = await sdlab.RunAsync("start", "01", "--no-web");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("01-single-server/scenario.json", result.Output, StringComparison.Ordinal);
        Assert.Contains("load.users", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_first_edit_never_becomes_the_naive_app()
    {
        using var copy = new RepositoryCopy("01-single-server");
        var program = Path.Combine(copy.ScenarioDirectory, "app", "Program.cs");
        var shipped = File.ReadAllText(program);
        File.AppendAllText(program, "\nthis is not C#\n");
        using var sdlab = new SdlabProcess(copy.Root);

        var result = await sdlab.RunAsync("check", "01");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain(".naive", result.Output, StringComparison.Ordinal);
        Assert.Equal(shipped, File.ReadAllText(Path.Combine(copy.ScenarioDirectory, ".naive", "Program.cs")));
    }

    [Fact]
    public async Task Reset_saves_the_learners_code_says_where_and_undo_brings_it_back()
    {
        using var copy = new RepositoryCopy("01-single-server");
        var program = Path.Combine(copy.ScenarioDirectory, "app", "Program.cs");
        var shipped = File.ReadAllText(program);
        File.WriteAllText(program, shipped + "\n// my work in progress\n");
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "FeedCache.cs"), "// a file I added\n");
        using var sdlab = new SdlabProcess(copy.Root);

        var reset = await sdlab.RunAsync("reset", "01");

        Assert.Equal(0, reset.ExitCode);
        Assert.Contains($"Saved your code to {Path.Combine(sdlab.StateRoot, "backups", "01-single-server")}", reset.Output, StringComparison.Ordinal);
        Assert.Contains("./sdlab reset 01 --undo", reset.Output, StringComparison.Ordinal);
        Assert.Equal(shipped, File.ReadAllText(program));
        Assert.False(File.Exists(Path.Combine(copy.ScenarioDirectory, "app", "FeedCache.cs")));

        var undo = await sdlab.RunAsync("reset", "01", "--undo");

        Assert.Equal(0, undo.ExitCode);
        Assert.EndsWith("// my work in progress\n", File.ReadAllText(program), StringComparison.Ordinal);
        Assert.Equal("// a file I added\n", File.ReadAllText(Path.Combine(copy.ScenarioDirectory, "app", "FeedCache.cs")));
    }

    [Fact]
    public async Task List_shows_the_other_scenarios_and_names_the_malformed_manifest()
    {
        using var copy = new RepositoryCopy("01-single-server");
        var broken = Path.Combine(copy.Root, "scenarios", "98-broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "scenario.json"), "{ \"title\": ");
        using var sdlab = new SdlabProcess(copy.Root);

        var result = await sdlab.RunAsync("list");

        Assert.Contains("01-single-server", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("98-broken cannot be loaded", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }
}
