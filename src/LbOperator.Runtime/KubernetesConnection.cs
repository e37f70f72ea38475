using k8s;

namespace LbOperator.Runtime;

/// <summary>
/// Where the API server is: the in-cluster service account when running in a pod, else the given
/// kubeconfig, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>, so an admin can run it from a laptop.
/// </summary>
public static class KubernetesConnection
{
    /// <param name="context">A kubeconfig context other than the current one; it implies reading a kubeconfig.</param>
    public static KubernetesClientConfiguration Resolve(string? kubeconfigPath, string? context = null)
    {
        if (kubeconfigPath is null && context is null && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var path = kubeconfigPath ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(p => p.Length > 0);
        path ??= KubernetesClientConfiguration.KubeConfigDefaultLocation;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Kubeconfig file '{path}' does not exist.", path);
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(path), context);
    }
}
