using k8s;

namespace LbOperator.Benchmarks.Scale;

/// <summary>A kubeconfig file for the operator process: the envtest server, its admin token, its self-signed certificate accepted.</summary>
internal static class Kubeconfig
{
    public static string Write(string directory, KubernetesClientConfiguration server)
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters: [{"{"} name: envtest, cluster: {"{"} server: "{server.Host}", insecure-skip-tls-verify: true {"}"} {"}"}]
            users: [{"{"} name: admin, user: {"{"} token: "{server.AccessToken}" {"}"} {"}"}]
            contexts: [{"{"} name: envtest, context: {"{"} cluster: envtest, user: admin {"}"} {"}"}]
            current-context: envtest
            """);
        return path;
    }
}
