namespace LbOperator.Core.Model;

/// <summary>A Pod by namespace and name, as an endpoint's <c>targetRef</c> names it.</summary>
public sealed record PodRef(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
