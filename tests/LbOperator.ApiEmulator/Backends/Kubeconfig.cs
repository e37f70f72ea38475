using k8s;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>Writes a kubeconfig with a bearer token, as a user or a process (kube-controller-manager, lb-operator) reads one.</summary>
public static class Kubeconfig
{
    public static string Write(string path, string server, string token, string context = "envtest", bool skipTlsVerify = true)
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: cluster
                cluster:
                  server: {server}
                  insecure-skip-tls-verify: {(skipTlsVerify ? "true" : "false")}
            users:
              - name: user
                user:
                  token: "{token}"
            contexts:
              - name: {context}
                context:
                  cluster: cluster
                  user: user
            current-context: {context}
            """);
        return path;
    }

    /// <summary>
    /// A kubeconfig named <c>kubeconfig</c> in <paramref name="directory"/> for a test server. KubernetesClient
    /// refuses a user without credentials, so a server without a token (the emulator) gets a placeholder it ignores.
    /// </summary>
    public static string Write(string directory, KubernetesClientConfiguration server, string context = "envtest") =>
        Write(Path.Combine(directory, "kubeconfig"), server.Host!, server.AccessToken ?? "unused", context, server.SkipTlsVerify);
}
