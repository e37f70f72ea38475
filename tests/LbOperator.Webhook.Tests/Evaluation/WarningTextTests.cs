using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Webhook.Evaluation;

namespace LbOperator.Webhook.Tests.Evaluation;

public sealed class WarningTextTests
{
    [Fact]
    public void Short_text_is_kept_as_is()
    {
        Assert.Equal("LB005: 3 of 4 endpoints are not ready", WarningText.Shorten("LB005: 3 of 4 endpoints are not ready"));
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary_to_at_most_120_characters_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("traffic", 40));

        var warning = WarningText.Shorten(text);

        Assert.True(warning.Length <= WarningText.MaxLength, warning);
        Assert.EndsWith("traffic…", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_text_without_spaces_is_cut_hard()
    {
        var warning = WarningText.Shorten(new string('x', 500));

        Assert.Equal(new string('x', 119) + "…", warning);
    }

    [Fact]
    public void Shortening_is_deterministic()
    {
        var text = "LB001: externalTrafficPolicy: Local sends 50% of traffic to checkout-5 on node-b (3.0× its fair share); spread pods evenly across nodes";

        Assert.Equal(WarningText.Shorten(text), WarningText.Shorten(text));
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_single_spaces()
    {
        Assert.Equal("a b c", WarningText.Shorten("a\n\n b\t\tc "));
    }

    [Fact]
    public void A_finding_is_prefixed_with_its_rule_and_object_unless_the_message_names_the_rule()
    {
        var target = new ObjectRef(ObjectKind.Service, "shop", "checkout");
        var plain = new Finding("LB005", "EndpointsNotReady", Severity.Warning, target, "checkout", "3 of 4 endpoints are not ready");
        var named = plain with { Message = "LB005: 3 of 4 endpoints are not ready" };

        Assert.Equal("LB005 Service/checkout: 3 of 4 endpoints are not ready", WarningText.For(plain));
        Assert.Equal("LB005: 3 of 4 endpoints are not ready", WarningText.For(named));
    }
}
