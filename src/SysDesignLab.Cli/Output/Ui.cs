using Spectre.Console;

namespace SysDesignLab.Cli.Output;

/// <summary>The few ways the CLI talks: steps, successes, warnings, errors. Text is escaped, never parsed as markup.</summary>
public static class Ui
{
    public static IProgress<string> Steps { get; } = new SynchronousProgress(Step);

    public static void Step(string message) => AnsiConsole.MarkupLine($"[grey]›[/] {Markup.Escape(message)}");
    public static void Success(string message) => AnsiConsole.MarkupLine($"[green]✓[/] {Markup.Escape(message)}");
    public static void Warn(string message) => AnsiConsole.MarkupLine($"[yellow]![/] {Markup.Escape(message)}");
    public static void Info(string message) => AnsiConsole.WriteLine(message);

    /// <summary>
    /// Errors go to stderr unwrapped: compiler messages and paths must stay whole lines that a
    /// learner (or an editor) can click, whatever the terminal width.
    /// </summary>
    public static void Error(string message)
    {
        var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var lines = message.Split('\n');
        Console.Error.WriteLine(colour ? $"\u001b[31m✗ {lines[0]}\u001b[0m" : $"✗ {lines[0]}");
        foreach (var line in lines.Skip(1))
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool, so lines could come out of order; this reports inline.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
