using k8s;
using k8s.Models;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>One mutation of the random world: an object applied (created or replaced) or deleted.</summary>
internal sealed record WorldChange(Type Kind, string? Namespace, string Name, IKubernetesObject<V1ObjectMeta>? Applied)
{
    public bool IsDelete => Applied is null;

    public override string ToString() => $"{(IsDelete ? "delete" : "apply")} {Kind.Name} {Namespace}/{Name}";
}
