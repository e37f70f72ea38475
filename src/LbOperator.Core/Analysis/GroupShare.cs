namespace LbOperator.Core.Analysis;

/// <summary>The total share of the endpoints on one node or in one zone.</summary>
public sealed record GroupShare(string Key, int Endpoints, double Share);
