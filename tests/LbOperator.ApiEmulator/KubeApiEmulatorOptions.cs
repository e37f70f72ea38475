namespace LbOperator.ApiEmulator;

public sealed record KubeApiEmulatorOptions
{
    /// <summary>How many changes watches can resume from; older resourceVersions get 410 Expired.</summary>
    public int HistoryLimit { get; init; } = 10_000;

    /// <summary>How often a watch that allows bookmarks receives one (the real API server: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Clock for creationTimestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Whether the Gateway API CRDs are installed from the start.</summary>
    public bool GatewayApiInstalled { get; init; }
}
