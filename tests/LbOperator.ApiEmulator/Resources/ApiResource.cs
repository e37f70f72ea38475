namespace LbOperator.ApiEmulator.Resources;

/// <summary>One REST resource the emulator serves, e.g. <c>services</c> in core/v1.</summary>
public sealed record ApiResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The resource key tests use in fault rules and lookups: <c>plural</c> for core, <c>plural.group</c> otherwise.</summary>
    public string Name => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public override string ToString() => Name;
}
