namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>An endpoint that receives traffic, with its zone resolved from the endpoint or else its Node.</summary>
internal sealed record ReadyEndpoint(
    string Id,
    string? Node,
    string? Zone,
    IReadOnlyList<string> HintZones,
    IReadOnlyList<string> HintNodes);
