namespace SysDesignLab.Orchestration.Projects;

/// <summary>The learner's code does not compile: the message is the compiler's, not ours.</summary>
public sealed class BuildFailedException(string projectPath, IReadOnlyList<string> compilerMessages)
    : LabException($"The app does not compile ({projectPath}):\n" + string.Join('\n', compilerMessages.Select(m => "  " + m)) +
        "\nFix the error(s) above and run the command again.")
{
    public IReadOnlyList<string> CompilerMessages { get; } = compilerMessages;
}
