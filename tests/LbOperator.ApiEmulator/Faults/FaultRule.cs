namespace LbOperator.ApiEmulator.Faults;

/// <summary>
/// Makes the next <see cref="Count"/> requests matching <see cref="Resource"/> (an
/// <c>ApiResource.Name</c> such as <c>services</c> or <c>leases.coordination.k8s.io</c>; null = any)
/// and <see cref="Verb"/> (null = any) fail or stall as <see cref="Kind"/> says.
/// </summary>
public sealed record FaultRule(FaultKind Kind)
{
    public string? Resource { get; init; }

    public ApiVerb? Verb { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Sent as whole seconds, rounded up, with <see cref="FaultKind.TooManyRequests"/>.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a <see cref="FaultKind.Slow"/> request waits before being served.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    public static FaultRule TooManyRequests(string? resource, ApiVerb? verb, int count, TimeSpan retryAfter) =>
        new(FaultKind.TooManyRequests) { Resource = resource, Verb = verb, Count = count, RetryAfter = retryAfter };

    public static FaultRule ServerError(string? resource, ApiVerb? verb, int count) =>
        new(FaultKind.ServerError) { Resource = resource, Verb = verb, Count = count };

    public static FaultRule Forbidden(string? resource, ApiVerb? verb, int count) =>
        new(FaultKind.Forbidden) { Resource = resource, Verb = verb, Count = count };

    public static FaultRule Slow(string? resource, ApiVerb? verb, int count, TimeSpan delay) =>
        new(FaultKind.Slow) { Resource = resource, Verb = verb, Count = count, Delay = delay };

    public static FaultRule SilentWatch(string? resource, int count) =>
        new(FaultKind.SilentWatch) { Resource = resource, Verb = ApiVerb.Watch, Count = count };
}
