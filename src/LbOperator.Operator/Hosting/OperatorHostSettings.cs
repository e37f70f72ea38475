using k8s;
using Microsoft.AspNetCore.Builder;
using Prometheus;

namespace LbOperator.Operator.Hosting;

/// <summary>
/// How to build the operator host. <see cref="ConfigureBuilder"/> and <see cref="ConfigureApp"/> are the
/// extension points (the executable adds the webhook listener and endpoints through them; tests swap
/// services). Null <see cref="ClientConfiguration"/> = in-cluster config, else <see cref="KubeconfigPath"/>,
/// <c>KUBECONFIG</c> or <c>~/.kube/config</c>.
/// </summary>
public sealed record OperatorHostSettings
{
    /// <summary>Command-line arguments, bound onto configuration (<c>--LbOperator:Workers 2</c> or the friendly aliases).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    public string? KubeconfigPath { get; init; }

    /// <summary>Extra JSON configuration files, applied after appsettings.json and before env vars and flags.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    public KubernetesClientConfiguration? ClientConfiguration { get; init; }

    /// <summary>The registry <c>/metrics</c> serves; a fresh one when null.</summary>
    public CollectorRegistry? Registry { get; init; }

    /// <summary>Added last, so they override appsettings, env vars and flags (tests).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }

    public Action<WebApplication>? ConfigureApp { get; init; }
}
