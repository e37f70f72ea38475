using System.Diagnostics;
using k8s;
using k8s.Models;

namespace LbOperator.E2E.Infrastructure;

/// <summary>The chart as <c>helm template</c> renders it with its default values, parsed into typed objects.</summary>
internal sealed class RenderedChart
{
    public const string Release = "lb-operator";
    public const string Namespace = "lb-system";

    private RenderedChart(IReadOnlyList<object> objects) => Objects = objects;

    public IReadOnlyList<object> Objects { get; }

    public V1ServiceAccount ServiceAccount => Objects.OfType<V1ServiceAccount>().Single();

    public IEnumerable<V1ClusterRole> ClusterRoles => Objects.OfType<V1ClusterRole>();

    public IEnumerable<V1Role> Roles => Objects.OfType<V1Role>();

    public V1ValidatingWebhookConfiguration WebhookConfiguration => Objects.OfType<V1ValidatingWebhookConfiguration>().Single();

    /// <summary>The operator container's plain environment variables (those with a value, not a fieldRef).</summary>
    public IReadOnlyDictionary<string, string> ContainerEnvironment =>
        Objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single().Env
            .Where(variable => variable.Value is not null)
            .ToDictionary(variable => variable.Name, variable => variable.Value);

    public static async Task<RenderedChart> RenderAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Repository.Helm, ["template", Release, Repository.Chart, "--namespace", Namespace])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var helm = Process.Start(info)!;
        var output = helm.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = helm.StandardError.ReadToEndAsync(cancellationToken);
        await Poll.FinishesAsync(helm.WaitForExitAsync(cancellationToken), "helm template finishes");
        if (helm.ExitCode != 0)
        {
            throw new InvalidOperationException($"helm template failed: {await error}");
        }

        return new RenderedChart(KubernetesYaml.LoadAllFromString(await output));
    }
}
