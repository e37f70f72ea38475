namespace LbOperator.Core.Model;

/// <summary>
/// A gateway.networking.k8s.io ReferenceGrant: objects of the <paramref name="From"/> kinds in the
/// listed namespaces may refer to the <paramref name="To"/> objects in <paramref name="Namespace"/>.
/// </summary>
public sealed record ReferenceGrantInfo(
    string Namespace,
    string Name,
    IReadOnlyList<ReferenceGrantFrom> From,
    IReadOnlyList<ReferenceGrantTo> To);

/// <summary>One <c>spec.from</c> entry; <paramref name="Group"/> is empty for the core group.</summary>
public sealed record ReferenceGrantFrom(string Group, string Kind, string Namespace);

/// <summary>One <c>spec.to</c> entry; a null <paramref name="Name"/> grants every object of the kind.</summary>
public sealed record ReferenceGrantTo(string Group, string Kind, string? Name);
