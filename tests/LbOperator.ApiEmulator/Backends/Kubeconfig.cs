namespace LbOperator.ApiEmulator.Backends;

/// <summary>Writes a kubeconfig for a bearer token, for processes that read one (kube-controller-manager, lb-operator).</summary>
public static class Kubeconfig
{
    public static string Write(string path, string server, string token)
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: envtest
                cluster:
                  server: {server}
                  insecure-skip-tls-verify: true
            users:
              - name: user
                user:
                  token: {token}
            contexts:
              - name: envtest
                context:
                  cluster: envtest
                  user: user
            current-context: envtest
            """);
        return path;
    }
}
