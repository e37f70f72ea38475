using k8s;

namespace LbOperator.Tests.Support;

/// <summary>Writes a kubeconfig for a test API server, as a user would have one, with the context name given.</summary>
internal static class Kubeconfig
{
    public static string Write(string directory, KubernetesClientConfiguration server, string context = "test")
    {
        var path = Path.Combine(directory, "kubeconfig");
        // KubernetesClient refuses a user without credentials; the emulator ignores the token.
        var user = "{ token: \"" + (server.AccessToken ?? "unused") + "\" }";
        var insecure = server.SkipTlsVerify ? "true" : "false";
        File.WriteAllLines(path,
        [
            "apiVersion: v1",
            "kind: Config",
            "clusters: [{ name: c, cluster: { server: \"" + server.Host + "\", insecure-skip-tls-verify: " + insecure + " } }]",
            "users: [{ name: u, user: " + user + " }]",
            "contexts: [{ name: " + context + ", context: { cluster: c, user: u } }]",
            "current-context: " + context,
        ]);
        return path;
    }
}
