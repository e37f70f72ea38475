namespace LbOperator.Check.Reports;

/// <summary>One output format of <c>check</c>; registered by name in <see cref="ReportWriters"/>.</summary>
internal interface IReportWriter
{
    /// <param name="useColour">Only the text report uses colour, and only on a terminal.</param>
    void Write(CheckResult result, TextWriter output, bool useColour);
}
