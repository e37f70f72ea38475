using k8s;
using k8s.Exceptions;

namespace LbOperator.Runtime.Tests;

public sealed class KubeconfigFileTests : IDisposable
{
    private const string TwoContexts = """
        apiVersion: v1
        kind: Config
        preferences: {}
        clusters:
          - name: prod
            cluster:
              server: https://prod.example:6443
              insecure-skip-tls-verify: true
              tls-server-name: api.prod.internal
          - name: lab
            cluster: { server: "http://127.0.0.1:8080" }
        users:
          - name: admin
            user:
              token: prod-token
          - name: ci
            user: { username: ci, password: secret }
        contexts:
          - name: prod
            context: { cluster: prod, user: admin, namespace: shop }
          - name: lab
            context: { cluster: lab, user: ci }
        current-context: prod
        extensions:
          - name: vendor
            extension: { anything: [1, 2] }
        """;

    private const string ExecPlugin = """
        apiVersion: v1
        kind: Config
        clusters: [{ name: c, cluster: { server: "https://10.0.0.1", certificate-authority-data: "" } }]
        users:
          - name: u
            user:
              exec:
                apiVersion: client.authentication.k8s.io/v1
                command: sh
                args: [EXEC_PLUGIN, from-exec]
                env: [{ name: PREFIX, value: token- }]
                interactiveMode: Never
        contexts: [{ name: x, context: { cluster: c, user: u } }]
        current-context: x
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("lb-operator-kubeconfig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(TwoContexts, null)]
    [InlineData(TwoContexts, "lab")]
    [InlineData(ExecPlugin, null)]
    public void A_kubeconfig_gives_the_same_connection_as_KubernetesClient_s_own_reader(string text, string? context)
    {
        var path = Write(text);

        var theirs = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context);
        var ours = KubernetesClientConfiguration.BuildConfigFromConfigObject(KubeconfigFile.Load(path), context);

        Assert.Equal(Describe(theirs), Describe(ours));
    }

    [Fact]
    public void The_file_name_is_kept_so_relative_certificate_paths_resolve_next_to_the_file()
    {
        var path = Write(TwoContexts);

        Assert.Equal(Path.GetFullPath(path), KubeconfigFile.Load(path).FileName);
    }

    [Theory]
    [InlineData("clusters: [ { name: c", "is not valid YAML (line 2, column 1)")]
    [InlineData("clusters:\n  - name: c\n    cluster: { server: [1, 2] }\n", "is not valid YAML (line 3")]
    [InlineData("", "is empty")]
    [InlineData("# only a comment\n", "is empty")]
    public void A_file_that_is_not_a_kubeconfig_is_refused_with_its_name_and_where(string text, string expected)
    {
        var path = Write(text);

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigFile.Load(path));

        Assert.True(error.Message.Contains($"'{path}' {expected}", StringComparison.Ordinal), error.Message);
    }

    private string Write(string text)
    {
        var plugin = Path.Combine(_directory, "exec-plugin");
        File.WriteAllText(plugin, """
            echo "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"$PREFIX$1\"}}"
            """);
        text = text.Replace("EXEC_PLUGIN", plugin, StringComparison.Ordinal);
        var path = Path.Combine(_directory, $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Describe(KubernetesClientConfiguration configuration) => string.Join(" | ",
        configuration.CurrentContext, configuration.Host, configuration.Namespace, configuration.AccessToken, configuration.Username,
        configuration.Password, configuration.SkipTlsVerify, configuration.TlsServerName, configuration.ClientCertificateFilePath,
        configuration.ClientCertificateKeyData, configuration.SslCaCerts?.Count,
        configuration.TokenProvider?.GetType().Name);
}
