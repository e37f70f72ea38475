using System.Reflection;
using LbOperator.ApiEmulator.Backends;
using Xunit.Sdk;

namespace LbOperator.Tests.Support;

/// <summary>
/// Runs a theory once per API server backend: always on the emulator, and on a real kube-apiserver
/// (envtest) when <c>KUBEBUILDER_ASSETS</c> points at etcd and kube-apiserver; otherwise that row is skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiServerBackendAttribute : DataAttribute
{
    public ApiServerBackendAttribute(ApiServerBackend backend)
    {
        Backend = backend;
        if (backend == ApiServerBackend.Envtest && EnvtestAssets.FromEnvironment() is null)
        {
            Skip = EnvtestAssets.MissingReason;
        }
    }

    public ApiServerBackend Backend { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend]];
}
