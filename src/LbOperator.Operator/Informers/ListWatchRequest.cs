namespace LbOperator.Operator.Informers;

/// <summary>The query of one list or watch call.</summary>
public sealed record ListWatchRequest(bool Watch, string? ResourceVersion, bool AllowWatchBookmarks, int? TimeoutSeconds);
