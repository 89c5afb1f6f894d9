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
                Assert.Equal(NaiveSnapshot.PathFor(scenario), NaiveSnapshot.Ensure(scenario));
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
    public void A_staging_folder_left_by_a_killed_process_is_removed_and_the_snapshot_taken()
    {
        using var folder = AppWithFiles(3);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        // pid_max is at most 2^22 on Linux, so this process cannot be alive.
        var abandoned = Path.Combine(folder.Path, ".naive.tmp-99999999-0");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, "App.csproj"), "half a copy");

        NaiveSnapshot.Ensure(scenario);

        Assert.False(Directory.Exists(abandoned));
        Assert.Equal(4, Directory.EnumerateFiles(NaiveSnapshot.PathFor(scenario)).Count());
    }

    [Fact]
    public void Restore_puts_the_shipped_app_back_over_the_learners_edits()
    {
        using var folder = AppWithFiles(1);
        var scenario = new ScenarioCatalog(folder.Root).Find("99");
        NaiveSnapshot.Ensure(scenario);
        File.WriteAllText(Path.Combine(scenario.AppDirectory, "File0.cs"), "// my fix");
        File.WriteAllText(Path.Combine(scenario.AppDirectory, "Extra.cs"), "// added by the learner");

        NaiveSnapshot.Restore(scenario);

        Assert.Equal("// file 0", File.ReadAllText(Path.Combine(scenario.AppDirectory, "File0.cs")));
        Assert.False(File.Exists(Path.Combine(scenario.AppDirectory, "Extra.cs")));
    }

    private static ScenarioFolder AppWithFiles(int count)
    {
        var folder = new ScenarioFolder();
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, "app", $"File{i}.cs"), $"// file {i}");
        }
        return folder;
    }
}
