namespace LbOperator.Core.Model;

/// <summary>A backendRef of an HTTPRoute rule, as written. Null <paramref name="Group"/>/<paramref name="Kind"/> mean core Service; null <paramref name="Weight"/> means 1.</summary>
public sealed record HttpBackendRefInfo(
    string? Group,
    string? Kind,
    string? Namespace,
    string Name,
    int? Port,
    long? Weight);
