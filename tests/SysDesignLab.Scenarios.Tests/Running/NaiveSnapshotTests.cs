using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Running;

public sealed class NaiveSnapshotTests
{
    [Fact]
    public void Many_lab_processes_taking_the_snapshot_at_once_all_get_the_whole_app()
    {
        using var folder = AppWithFiles(300);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");

        // Threads stand in for processes (each takes its own staging folder, as a process would),
        // released together so their copies overlap.
        const int takers = 8;
        using var start = new Barrier(takers);
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, takers).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                Assert.Equal(NaiveSnapshot.PathFor(scenario), NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None).GetAwaiter().GetResult());
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        Assert.Equal(301, Directory.EnumerateFiles(NaiveSnapshot.PathFor(scenario), "*", SearchOption.AllDirectories).Count());
        Assert.Empty(Directory.EnumerateDirectories(folder.Path, ".naive.tmp*"));
    }

    [Fact]
    public async Task A_staging_folder_left_by_a_killed_process_is_removed_and_the_snapshot_taken()
    {
        using var folder = AppWithFiles(3);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        // pid_max is at most 2^22 on Linux, so this process cannot be alive.
        var abandoned = Path.Combine(folder.Path, ".naive.tmp-99999999-0");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "App.csproj"), "half a copy");

        await NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None);

        Assert.False(Directory.Exists(abandoned));
        Assert.Equal(4, Directory.EnumerateFiles(NaiveSnapshot.PathFor(scenario)).Count());
    }

    [Fact]
    public async Task The_naive_app_is_the_shipped_one_when_the_learner_broke_app_before_the_lab_first_looked()
    {
        using var folder = AppWithFiles(1);
        ShippedAppFixture.CommitAll(folder.Root);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        File.WriteAllText(Path.Combine(scenario.AppDirectory, "File0.cs"), "// my half-typed fix (");

        await NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None);

        Assert.Equal("// file 0", File.ReadAllText(Path.Combine(NaiveSnapshot.PathFor(scenario), "File0.cs")));
    }

    [Fact]
    public async Task A_snapshot_an_older_lab_took_of_the_learners_edit_is_replaced_by_the_shipped_app()
    {
        using var folder = AppWithFiles(1);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        var old = NaiveSnapshot.PathFor(scenario);
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, "File0.cs"), "// the learner's code (");
        File.WriteAllText(Path.Combine(old, "App.csproj"), "");

        await NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None);

        Assert.Equal("// file 0", File.ReadAllText(Path.Combine(old, "File0.cs")));
    }

    [Fact]
    public async Task The_shipped_app_is_found_in_git_after_the_learner_committed_their_fix()
    {
        using var folder = AppWithFiles(2);
        ShippedAppFixture.CommitAll(folder.Root);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        File.WriteAllText(Path.Combine(scenario.AppDirectory, "File1.cs"), "// my fix");
        File.Delete(Path.Combine(scenario.AppDirectory, "File0.cs"));
        ShippedAppFixture.Git(folder.Root, "add", "-A");
        ShippedAppFixture.Git(folder.Root, "-c", "user.name=me", "-c", "user.email=me@example.invalid", "commit", "-q", "-m", "my fix");

        var snapshot = await NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None);

        Assert.Equal("// file 0", File.ReadAllText(Path.Combine(snapshot, "File0.cs")));
        Assert.Equal("// file 1", File.ReadAllText(Path.Combine(snapshot, "File1.cs")));
    }

    [Fact]
    public async Task Without_git_history_an_edited_app_gets_a_message_saying_how_to_get_the_original()
    {
        using var folder = AppWithFiles(1);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        File.WriteAllText(Path.Combine(scenario.AppDirectory, "File0.cs"), "// edited");

        var error = await Assert.ThrowsAsync<LabException>(() => NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None));

        Assert.Contains("File0.cs has changed", error.Message, StringComparison.Ordinal);
        Assert.Contains("git checkout", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(NaiveSnapshot.PathFor(scenario)));
    }

    [Fact]
    public async Task Each_repository_scenario_records_its_committed_app()
    {
        var root = LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        foreach (var scenario in new ScenarioCatalog(Path.Combine(root, "scenarios")).All())
        {
            var listed = await Orchestration.Processes.ProcessRunner.RunAsync("git", ["-C", root, "ls-files", "-s", "--", Path.GetRelativePath(root, scenario.AppDirectory)]);
            Assert.True(listed.Succeeded, listed.Output);
            var committed = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .ToDictionary(
                    parts => Path.GetRelativePath(scenario.AppDirectory, Path.Combine(root, parts[1])).Replace('\\', '/'),
                    parts => parts[0].Split(' ')[1]);
            var recorded = ShippedApp.Load(scenario).Files;
            Assert.True(ShippedApp.SameFiles(committed, recorded),
                $"{scenario.Id}/{ShippedApp.FileName} is out of date with the committed app/: run bash scripts/record-shipped-apps.sh and commit it.");
        }
    }

    private static ScenarioFolder AppWithFiles(int count)
    {
        var folder = new ScenarioFolder();
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, "app", $"File{i}.cs"), $"// file {i}");
        }
        ShippedAppFixture.Record(folder.Path);
        return folder;
    }
}
