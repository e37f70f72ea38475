namespace LbOperator.ApiEmulator.Backends;

/// <summary>The etcd and kube-apiserver binaries named by <c>KUBEBUILDER_ASSETS</c>, as controller-runtime's envtest finds them.</summary>
public sealed record EnvtestAssets(string Etcd, string KubeApiServer)
{
    public const string Variable = "KUBEBUILDER_ASSETS";

    public static string MissingReason =>
        $"{Variable} is not set to a directory holding etcd and kube-apiserver; envtest runs are skipped.";

    public static EnvtestAssets? FromEnvironment()
    {
        var directory = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(directory))
        {
            return null;
        }

        var etcd = Path.Combine(directory, "etcd");
        var apiServer = Path.Combine(directory, "kube-apiserver");
        return File.Exists(etcd) && File.Exists(apiServer) ? new EnvtestAssets(etcd, apiServer) : null;
    }
}
