namespace LbOperator.ApiEmulator.Storage;

/// <summary>A request failure the HTTP layer turns into a real <c>Status</c> body with this code and reason.</summary>
public sealed class ApiStatusException(int code, string reason, string message, string? name = null, string? kind = null, string? group = null)
    : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public string? DetailsName { get; } = name;

    public string? DetailsKind { get; } = kind;

    public string? DetailsGroup { get; } = group;
}
