using LbOperator.Check.Reports;
using LbOperator.Core.Analysis;

namespace LbOperator.Tests.Check;

public class AnsiStyleTests
{
    [Theory]
    [InlineData(Severity.Error, "\u001b[1;31merror\u001b[0m")]
    [InlineData(Severity.Warning, "\u001b[33merror\u001b[0m")]
    [InlineData(Severity.Info, "\u001b[36merror\u001b[0m")]
    public void Severities_are_coloured_when_enabled(Severity severity, string expected)
    {
        Assert.Equal(expected, new AnsiStyle(enabled: true).Severity(severity, "error"));
    }

    [Fact]
    public void Nothing_is_wrapped_when_disabled()
    {
        var style = new AnsiStyle(enabled: false);

        Assert.Equal(("a", "b", "c"), (style.Bold("a"), style.Dim("b"), style.Severity(Severity.Error, "c")));
    }
}
