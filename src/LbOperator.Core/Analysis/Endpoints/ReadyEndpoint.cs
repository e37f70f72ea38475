namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>An endpoint that receives traffic, with its zone resolved from the endpoint or else its Node.
/// A struct: large Services have thousands, and they live only for one analysis.</summary>
internal readonly record struct ReadyEndpoint(
    string Id,
    string? Node,
    string? Zone,
    IReadOnlyList<string> HintZones,
    IReadOnlyList<string> HintNodes);
