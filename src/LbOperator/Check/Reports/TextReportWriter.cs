namespace LbOperator.Check.Reports;

/// <summary>The report for people (<c>--output text</c>, the default).</summary>
internal sealed class TextReportWriter : IReportWriter
{
    public void Write(CheckResult result, TextWriter output, bool useColour) => new TextReport(output, useColour).Write(result);
}
