using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

public class TextReportTests
{
    [Fact]
    public void The_outage_block_shows_the_top_share_node_skew_and_the_error()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("outage-replay.yaml"));

        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("Service shop/checkout", lines[0], StringComparison.Ordinal);
        Assert.Contains("entry point checkout: 6 endpoints, skew 3.0, blackholed 0.0%", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+50\.0%\s+checkout-6d9f7-6\s+node-b\s+eu-west-1b\n", result.Stdout);
        Assert.Contains("… 3 more endpoints", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nodes: node-a 50.0% (5), node-b 50.0% (1)", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  error\s+LB001 TrafficSkew: checkout: 50% of traffic", result.Stdout);
        Assert.EndsWith("1 entry point, 1 finding: 1 error(s), 0 warning(s), 0 info\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_on_a_canary_name_the_canary_ingress_under_the_shared_entry_point()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("canary-weight-80.yaml"));

        Assert.Contains("Ingress shop/storefront", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("with Ingress/shop/storefront-canary", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("LB001 TrafficSkew (Ingress/shop/storefront-canary):", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_names_the_helm_template_of_a_piped_object()
    {
        var yaml = "---\n# Source: shop/templates/checkout.yaml\n" + File.ReadAllText(CheckInvocation.FixturePath("outage-replay.yaml"));

        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-");

        Assert.StartsWith("Service shop/checkout  <stdin>:5 (shop/templates/checkout.yaml)\n", result.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_points_with_findings_come_first()
    {
        var result = CheckInvocation.Run(
            "check", "-f", CheckInvocation.FixturePath("balanced-local.yaml"), "-f", CheckInvocation.FixturePath("canary-weight-80.yaml"));

        Assert.StartsWith("Ingress shop/storefront", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nService shop/checkout", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_that_is_not_a_terminal_has_no_colour_codes()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("outage-replay.yaml"));

        Assert.DoesNotContain('\u001b', result.Stdout);
    }
}
