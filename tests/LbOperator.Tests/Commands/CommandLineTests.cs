namespace LbOperator.Tests.Commands;

public class CommandLineTests
{
    [Theory]
    [InlineData("lb-operator: unknown command or argument 'chek'", "chek")]
    [InlineData("lb-operator version: unknown option '--bogus'", "version", "--bogus")]
    [InlineData("lb-operator: unknown option '--bogus'", "--bogus")]
    [InlineData("lb-operator check: unknown option '--bogus'", "check", "-f", "-", "--bogus")]
    public void An_unknown_command_or_option_exits_two_with_one_line_naming_it(string expected, params string[] args)
    {
        var result = CheckInvocation.RunRoot(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_exits_two_with_one_line()
    {
        var result = CheckInvocation.RunRoot();

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Help_for_check_shows_no_placeholder_for_extra_arguments()
    {
        var result = CheckInvocation.RunRoot("check", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("additional arguments", result.Stdout, StringComparison.Ordinal);
    }
}
