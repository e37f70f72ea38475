using System.Reflection;

namespace LbOperator.Tests.Architecture;

/// <summary>
/// The design as the compiled assemblies show it: Core → Kubernetes adapters → Runtime → { Operator, Webhook }
/// → the executable, which alone composes them. An arrow pointing up or across fails here, not in review.
/// </summary>
public sealed class ProjectGraphTests
{
    [Theory]
    [InlineData("LbOperator.Core", "")]
    [InlineData("LbOperator.Kubernetes", "LbOperator.Core")]
    [InlineData("LbOperator.Runtime", "LbOperator.Core LbOperator.Kubernetes")]
    [InlineData("LbOperator.Operator", "LbOperator.Core LbOperator.Kubernetes LbOperator.Runtime")]
    [InlineData("LbOperator.Webhook", "LbOperator.Core LbOperator.Kubernetes LbOperator.Runtime")]
    [InlineData("lb-operator", "LbOperator.Core LbOperator.Kubernetes LbOperator.Operator LbOperator.Runtime LbOperator.Webhook")]
    public void Each_project_references_only_the_layers_below_it(string assembly, string allowed)
    {
        var ours = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("LbOperator", StringComparison.Ordinal) || name == "lb-operator")
            .Order(StringComparer.Ordinal);

        Assert.Subset(allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), ours.ToHashSet());
    }

    [Fact]
    public void The_webhook_does_not_reference_the_operator()
    {
        var references = Assembly.Load("LbOperator.Webhook").GetReferencedAssemblies().Select(reference => reference.Name);

        Assert.DoesNotContain("LbOperator.Operator", references);
    }
}
