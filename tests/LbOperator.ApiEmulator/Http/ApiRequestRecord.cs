using LbOperator.ApiEmulator.Faults;

namespace LbOperator.ApiEmulator.Http;

/// <summary>One served request, for tests that count calls (e.g. retries after a 429).</summary>
public sealed record ApiRequestRecord(ApiVerb Verb, string Resource, string? Namespace, string? Name, int StatusCode);
