using k8s;

namespace LbOperator.Hosting;

/// <summary>
/// How to build the <c>lb-operator run</c> process. Null <see cref="ClientConfiguration"/> = in-cluster
/// config, else <see cref="KubeconfigPath"/>, <c>KUBECONFIG</c> or <c>~/.kube/config</c>.
/// </summary>
public sealed record LbOperatorHostSettings
{
    /// <summary>Command-line arguments, bound onto configuration (<c>--LbOperator:Workers 2</c> or the friendly aliases).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    public string? KubeconfigPath { get; init; }

    /// <summary>Extra JSON configuration files, applied after appsettings.json and before env vars and flags.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    public KubernetesClientConfiguration? ClientConfiguration { get; init; }

    /// <summary>Added last, so they override appsettings, env vars and flags (tests).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
