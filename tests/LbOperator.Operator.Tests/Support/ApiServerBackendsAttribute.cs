using System.Reflection;
using LbOperator.ApiEmulator.Backends;
using Xunit.Sdk;

namespace LbOperator.Operator.Tests.Support;

/// <summary>
/// Runs a theory once per API server backend: always on the emulator, and on a real kube-apiserver
/// (envtest) whenever <see cref="EnvtestAssets"/> finds a control plane. Without one the
/// envtest row is reported as skipped, with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiServerBackendAttribute : DataAttribute
{
    public ApiServerBackendAttribute(ApiServerBackend backend)
    {
        Backend = backend;
        if (backend == ApiServerBackend.Envtest && !EnvtestAssets.Configured)
        {
            Skip = EnvtestAssets.MissingReason;
        }
    }

    public ApiServerBackend Backend { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend]];
}
