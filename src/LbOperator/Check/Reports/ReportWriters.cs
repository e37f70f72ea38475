namespace LbOperator.Check.Reports;

/// <summary>The output formats of <c>check --output</c>, by name; adding a format is adding a row.</summary>
internal static class ReportWriters
{
    private static readonly (string Name, IReportWriter Writer)[] Table =
    [
        ("text", new TextReportWriter()),
        ("json", new JsonReportWriter()),
        ("sarif", new SarifReportWriter()),
        ("junit", new JunitReportWriter()),
        ("policyreport", new PolicyReportWriter()),
    ];

    public static IReadOnlyList<string> Names { get; } = Table.Select(row => row.Name).ToArray();

    public static IReportWriter For(string name) => Table.First(row => row.Name == name).Writer;
}
