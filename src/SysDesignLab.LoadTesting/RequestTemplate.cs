using System.Runtime.CompilerServices;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// A path or body with placeholders, compiled once and rendered per request:
/// <c>{int:MIN:MAX}</c> (uniform, inclusive), <c>{choice:a|b|c}</c> (uniform), <c>{guid}</c>
/// (drawn from the given <see cref="Random"/>, so a seed reproduces it), and the virtual user's
/// <c>{user}</c> number and <c>{session}</c> (see <see cref="UserContext"/>).
/// </summary>
public sealed class RequestTemplate
{
    private readonly TemplatePart[] parts;
    private readonly int literalLength;
    private readonly int placeholderCount;

    private RequestTemplate(string text, TemplatePart[] parts)
    {
        Text = text;
        this.parts = parts;
        foreach (var part in parts)
        {
            if (part.Kind == TemplatePartKind.Literal)
            {
                literalLength += part.Literal.Length;
            }
            else
            {
                placeholderCount++;
            }
        }
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>True when there is nothing to fill in, so callers can cache what they build from it.</summary>
    public bool IsConstant => placeholderCount == 0;

    /// <exception cref="FormatException">A placeholder is unknown or malformed; the message names it.</exception>
    public static RequestTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new RequestTemplate(template, [.. TemplateParser.Parse(template)]);
    }

    public string Render(Random random, UserContext? user = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        user ??= UserContext.None;
        if (placeholderCount == 0)
        {
            return Text;
        }

        var builder = new DefaultInterpolatedStringHandler(literalLength, placeholderCount);
        foreach (var part in parts)
        {
            part.AppendTo(ref builder, random, user);
        }

        return builder.ToStringAndClear();
    }

    public override string ToString() => Text;
}
