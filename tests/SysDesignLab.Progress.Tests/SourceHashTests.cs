namespace SysDesignLab.Progress.Tests;

public sealed class SourceHashTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_hash_is_lowercase_sha256_hex_and_repeatable()
    {
        var project = Project("a", ("Program.cs", "class P {}\n"));

        var hash = SourceHash.Compute(project);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, SourceHash.Compute(project));
    }

    [Fact]
    public void Crlf_and_lf_checkouts_hash_the_same()
    {
        var lf = Project("lf", ("Program.cs", "line 1\nline 2\n"), ("src/App.cs", "a\nb"));
        var crlf = Project("crlf", ("Program.cs", "line 1\r\nline 2\r\n"), ("src/App.cs", "a\r\nb"));

        Assert.Equal(SourceHash.Compute(lf), SourceHash.Compute(crlf));
    }

    [Fact]
    public void Build_output_and_hidden_files_do_not_change_the_hash()
    {
        var clean = Project("clean", ("Program.cs", "class P {}"), ("src/App.cs", "class A {}"));
        var built = Project("built", ("Program.cs", "class P {}"), ("src/App.cs", "class A {}"),
            ("bin/Debug/App.dll", "binary"), ("obj/project.assets.json", "{}"), ("src/obj/x.cs", "generated"),
            (".vs/state", "ide"), ("src/.editor-backup.cs", "scratch"));

        Assert.Equal(SourceHash.Compute(clean), SourceHash.Compute(built));
    }

    [Fact]
    public void Editing_a_file_changes_the_hash()
    {
        var project = Project("p", ("Program.cs", "class P {}"), ("src/App.cs", "int x = 1;"));
        var before = SourceHash.Compute(project);

        File.WriteAllText(Path.Combine(project, "src", "App.cs"), "int x = 2;");

        Assert.NotEqual(before, SourceHash.Compute(project));
    }

    [Fact]
    public void Renaming_or_adding_a_file_changes_the_hash()
    {
        var original = SourceHash.Compute(Project("o", ("A.cs", "same")));

        Assert.NotEqual(original, SourceHash.Compute(Project("r", ("B.cs", "same"))));
        Assert.NotEqual(original, SourceHash.Compute(Project("n", ("A.cs", "same"), ("C.cs", ""))));
    }

    [Fact]
    public void Moving_bytes_from_one_file_to_another_changes_the_hash()
    {
        var first = Project("first", ("A.cs", "ab"), ("B.cs", "c"));
        var second = Project("second", ("A.cs", "a"), ("B.cs", "bc"));

        Assert.NotEqual(SourceHash.Compute(first), SourceHash.Compute(second));
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => SourceHash.Compute(_temp.Combine("nope")));
    }

    private string Project(string name, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            _temp.WriteFile($"{name}/{path}", content);
        }
        var root = _temp.Combine(name);
        Directory.CreateDirectory(root);
        return root;
    }
}
