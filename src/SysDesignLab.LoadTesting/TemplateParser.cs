using System.Globalization;
using System.Text;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// Splits a template into literal text and placeholders. A placeholder is '{' followed by a name
/// (a letter, then letters or digits) and ':' or '}'. Anything else keeps its braces as literal text,
/// so JSON bodies such as <c>{"id": {int:1:9}}</c> need no escaping.
/// </summary>
internal static class TemplateParser
{
    private const string Supported = "{int:MIN:MAX}, {choice:a|b|c}, {guid}, {user} or {session}";

    public static List<TemplatePart> Parse(string template)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{' || !StartsPlaceholder(template, i))
            {
                literal.Append(template[i]);
                i++;
                continue;
            }

            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                throw new FormatException(
                    $"Placeholder '{template[i..]}' in template '{template}' is missing its closing '}}'.");
            }

            if (literal.Length > 0)
            {
                parts.Add(TemplatePart.ForLiteral(literal.ToString()));
                literal.Clear();
            }

            parts.Add(ParsePlaceholder(template[(i + 1)..close], template));
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(TemplatePart.ForLiteral(literal.ToString()));
        }

        return parts;
    }

    private static bool StartsPlaceholder(string template, int open)
    {
        var i = open + 1;
        if (i >= template.Length || !char.IsAsciiLetter(template[i]))
        {
            return false;
        }

        while (i < template.Length && char.IsAsciiLetterOrDigit(template[i]))
        {
            i++;
        }

        return i < template.Length && template[i] is ':' or '}';
    }

    private static TemplatePart ParsePlaceholder(string body, string template)
    {
        var colon = body.IndexOf(':');
        var name = colon < 0 ? body : body[..colon];
        var arguments = colon < 0 ? null : body[(colon + 1)..];
        return name switch
        {
            "guid" when arguments is null => TemplatePart.ForGuid(),
            "user" when arguments is null => TemplatePart.ForUser(),
            "session" when arguments is null => TemplatePart.ForSession(),
            "int" when arguments is not null => ParseInt(body, arguments, template),
            "choice" when arguments is not null => TemplatePart.ForChoice(arguments.Split('|')),
            _ => throw new FormatException(
                $"Unknown placeholder '{{{body}}}' in template '{template}'; use {Supported}."),
        };
    }

    private static TemplatePart ParseInt(string body, string arguments, string template)
    {
        var bounds = arguments.Split(':');
        if (bounds.Length != 2
            || !long.TryParse(bounds[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var min)
            || !long.TryParse(bounds[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var max)
            || min > max
            || max == long.MaxValue)
        {
            throw new FormatException(
                $"Placeholder '{{{body}}}' in template '{template}' must look like {{int:MIN:MAX}} with integers MIN <= MAX.");
        }

        return TemplatePart.ForInt(min, max);
    }
}
