using System.Reflection;
using LbOperator.ApiEmulator.Backends;
using LbOperator.ApiEmulator.Prometheus;
using Xunit.Sdk;

namespace LbOperator.Tests.Support;

/// <summary>
/// Runs a theory once per API server backend with a real Prometheus beside it: skipped, with the reason,
/// only when <c>prometheus</c> and <c>promtool</c> are absent, or for envtest when <c>KUBEBUILDER_ASSETS</c> is unset.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ObservedBackendAttribute : DataAttribute
{
    public ObservedBackendAttribute(ApiServerBackend backend)
    {
        Backend = backend;
        if (!PrometheusBinaries.Present)
        {
            Skip = PrometheusBinaries.MissingReason;
        }
        else if (backend == ApiServerBackend.Envtest && EnvtestAssets.FromEnvironment() is null)
        {
            Skip = EnvtestAssets.MissingReason;
        }
    }

    public ApiServerBackend Backend { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend]];
}
