using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Running;

public sealed class ScenarioResetTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();
    private readonly string _state = Directory.CreateTempSubdirectory("sdlab-state-").FullName;
    private readonly ProgressStore _store;
    private readonly ScenarioReset _reset;
    private readonly Scenario _scenario;

    public ScenarioResetTests()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "app", "Program.cs"), "// shipped");
        ShippedAppFixture.Record(_folder.Path);
        ShippedAppFixture.CommitAll(_folder.Root);
        var paths = new LabPaths(_folder.Root, _state);
        _store = ProgressStore.Open(paths.ProgressDatabase);
        _reset = new ScenarioReset(new ScenarioEnvironment(paths), _store, TimeProvider.System);
        _scenario = new ScenarioCatalog(_folder.Root).Find("99");
    }

    private string App(string file) => Path.Combine(_scenario.AppDirectory, file);

    [Fact]
    public async Task Reset_saves_the_learners_code_and_new_files_before_putting_the_shipped_app_back()
    {
        File.WriteAllText(App("Program.cs"), "// my fix");
        File.WriteAllText(App("Cache.cs"), "// a file I added");

        var outcome = await _reset.ResetAsync(_scenario, keepCode: false, progress: null, CancellationToken.None);

        Assert.True(outcome.CodeReplaced);
        Assert.Equal("// shipped", File.ReadAllText(App("Program.cs")));
        Assert.False(File.Exists(App("Cache.cs")));
        Assert.StartsWith(Path.Combine(_state, "backups", _scenario.Id), outcome.Backup, StringComparison.Ordinal);
        Assert.Equal("// my fix", File.ReadAllText(Path.Combine(outcome.Backup!, "Program.cs")));
        Assert.Equal("// a file I added", File.ReadAllText(Path.Combine(outcome.Backup!, "Cache.cs")));
    }

    [Fact]
    public async Task Undo_brings_back_the_code_the_reset_replaced()
    {
        File.WriteAllText(App("Program.cs"), "// my fix");
        File.WriteAllText(App("Cache.cs"), "// a file I added");
        await _reset.ResetAsync(_scenario, keepCode: false, progress: null, CancellationToken.None);

        var undone = await _reset.UndoAsync(_scenario, progress: null, CancellationToken.None);

        Assert.Equal("// my fix", File.ReadAllText(App("Program.cs")));
        Assert.Equal("// a file I added", File.ReadAllText(App("Cache.cs")));
        Assert.Null(undone.SavedCurrent);
    }

    [Fact]
    public async Task Undo_keeps_a_copy_of_code_written_after_the_reset()
    {
        File.WriteAllText(App("Program.cs"), "// first try");
        await _reset.ResetAsync(_scenario, keepCode: false, progress: null, CancellationToken.None);
        File.WriteAllText(App("Program.cs"), "// second try");

        var undone = await _reset.UndoAsync(_scenario, progress: null, CancellationToken.None);

        Assert.Equal("// first try", File.ReadAllText(App("Program.cs")));
        Assert.NotNull(undone.SavedCurrent);
        Assert.Equal("// second try", File.ReadAllText(Path.Combine(undone.SavedCurrent!, "Program.cs")));
    }

    [Fact]
    public async Task Reset_of_an_unchanged_app_saves_nothing_and_undo_says_there_is_nothing_to_bring_back()
    {
        var outcome = await _reset.ResetAsync(_scenario, keepCode: false, progress: null, CancellationToken.None);

        Assert.False(outcome.CodeReplaced);
        Assert.Empty(_reset.Backups.List(_scenario));
        var error = await Assert.ThrowsAsync<LabException>(() => _reset.UndoAsync(_scenario, progress: null, CancellationToken.None));
        Assert.Contains("no saved copy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_that_cannot_find_the_shipped_app_changes_nothing_and_saves_nothing()
    {
        Directory.Delete(Path.Combine(_folder.Root, ".git"), recursive: true);
        File.WriteAllText(App("Program.cs"), "// my fix");

        await Assert.ThrowsAsync<LabException>(() => _reset.ResetAsync(_scenario, keepCode: false, progress: null, CancellationToken.None));

        Assert.Equal("// my fix", File.ReadAllText(App("Program.cs")));
        Assert.Empty(_reset.Backups.List(_scenario));
    }

    [Fact]
    public async Task Keep_code_leaves_the_learners_files_alone()
    {
        File.WriteAllText(App("Program.cs"), "// my fix");

        var outcome = await _reset.ResetAsync(_scenario, keepCode: true, progress: null, CancellationToken.None);

        Assert.False(outcome.CodeReplaced);
        Assert.Equal("// my fix", File.ReadAllText(App("Program.cs")));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
        Directory.Delete(_state, recursive: true);
    }
}
