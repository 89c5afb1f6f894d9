using System.Runtime.CompilerServices;

namespace SysDesignLab.LoadTesting;

/// <summary>One compiled piece of a <see cref="RequestTemplate"/>: literal text or a placeholder.</summary>
internal sealed class TemplatePart
{
    private TemplatePart(TemplatePartKind kind, string literal = "", long min = 0, long max = 0, string[]? choices = null)
    {
        Kind = kind;
        Literal = literal;
        Min = min;
        Max = max;
        Choices = choices ?? [];
    }

    public TemplatePartKind Kind { get; }
    public string Literal { get; }
    public long Min { get; }
    public long Max { get; }
    public string[] Choices { get; }

    public static TemplatePart ForLiteral(string text) => new(TemplatePartKind.Literal, literal: text);

    public static TemplatePart ForInt(long min, long max) => new(TemplatePartKind.Int, min: min, max: max);

    public static TemplatePart ForChoice(string[] choices) => new(TemplatePartKind.Choice, choices: choices);

    public static TemplatePart ForGuid() => new(TemplatePartKind.Guid);

    public static TemplatePart ForUser() => new(TemplatePartKind.User);

    public static TemplatePart ForSession() => new(TemplatePartKind.Session);

    public void AppendTo(ref DefaultInterpolatedStringHandler builder, Random random, UserContext user)
    {
        switch (Kind)
        {
            case TemplatePartKind.Literal:
                builder.AppendLiteral(Literal);
                break;
            case TemplatePartKind.Int:
                // Max < long.MaxValue is enforced by the parser, so the exclusive bound cannot overflow.
                builder.AppendFormatted(random.NextInt64(Min, Max + 1));
                break;
            case TemplatePartKind.Choice:
                builder.AppendLiteral(Choices[Choices.Length == 1 ? 0 : random.Next(Choices.Length)]);
                break;
            case TemplatePartKind.Guid:
                builder.AppendFormatted(NextGuid(random));
                break;
            case TemplatePartKind.User:
                builder.AppendFormatted(user.Number);
                break;
            case TemplatePartKind.Session:
                builder.AppendLiteral(user.Session ?? "");
                break;
            default:
                throw new InvalidOperationException($"Unhandled template part {Kind}.");
        }
    }

    // Guid.NewGuid would make runs irreproducible; drawing the bytes from the user's seeded Random keeps
    // "same seed, same requests" true for {guid} as well.
    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 nibble (Guid's little-endian layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
