using System.Text;
using LbOperator.Core.Analysis;

namespace LbOperator.Webhook.Evaluation;

/// <summary>
/// Admission warnings as kubectl prints them: one line each, at most 120 characters. Longer text is
/// cut at a word boundary and marked with an ellipsis, so the same finding always gives the same warning.
/// </summary>
public static class WarningText
{
    public const int MaxLength = 120;

    public static string For(Finding finding) =>
        Shorten(finding.Message.StartsWith(finding.RuleId, StringComparison.Ordinal)
            ? finding.Message
            : $"{finding.RuleId} {finding.Object.KindName}/{finding.Object.Name}: {finding.Message}");

    public static string Shorten(string text)
    {
        var line = OneLine(text);
        if (line.Length <= MaxLength)
        {
            return line;
        }

        var cut = MaxLength - 1;
        var space = line.LastIndexOf(' ', cut - 1, cut / 3);
        if (space > 0)
        {
            cut = space;
        }

        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut].TrimEnd() + "…";
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text.Trim())
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
