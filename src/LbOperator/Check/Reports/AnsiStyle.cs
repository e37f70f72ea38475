using LbOperator.Core.Analysis;

namespace LbOperator.Check.Reports;

/// <summary>Wraps text in ANSI colour codes, or leaves it alone when colour is off (pipes, files, NO_COLOR).</summary>
internal sealed class AnsiStyle(bool enabled)
{
    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Severity(Severity severity, string text) => severity switch
    {
        Core.Analysis.Severity.Error => Wrap("1;31", text),
        Core.Analysis.Severity.Warning => Wrap("33", text),
        _ => Wrap("36", text),
    };

    private string Wrap(string code, string text) => enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
