using LbOperator.ApiEmulator.Backends;

namespace LbOperator.E2E.Infrastructure;

/// <summary>
/// An end-to-end scenario: needs the real control plane (<see cref="EnvtestAssets"/>) and helm. Skipped,
/// with the reason, only when this machine has no control-plane binaries at all.
/// </summary>
public sealed class E2EFactAttribute : FactAttribute
{
    public E2EFactAttribute()
    {
        if (!EnvtestAssets.Configured)
        {
            Skip = EnvtestAssets.MissingReason;
        }
    }
}
