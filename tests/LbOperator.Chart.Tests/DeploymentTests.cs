using k8s.Models;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class DeploymentTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Fact]
    public void Two_replicas_with_leader_election_by_default()
    {
        var deployment = _helm.Template().Single<V1Deployment>();

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("true", Env(deployment, "LbOperator__LeaderElection__Enabled"));
        Assert.Equal(0, int.Parse(deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Container_is_locked_down()
    {
        var pod = _helm.Template().Single<V1Deployment>().Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        var security = container.SecurityContext;
        Assert.True(security.RunAsNonRoot);
        Assert.True(security.ReadOnlyRootFilesystem);
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], security.Capabilities.Drop);
        Assert.Null(security.Capabilities.Add);
        Assert.Equal("RuntimeDefault", security.SeccompProfile.Type);
    }

    [Fact]
    public void Probes_ports_and_resources_match_the_host()
    {
        var container = _helm.Template().Single<V1Deployment>().Spec.Template.Spec.Containers[0];

        Assert.Equal(
            new Dictionary<string, int> { ["metrics"] = 8080, ["health"] = 8081, ["webhook"] = 9443 },
            container.Ports.ToDictionary(port => port.Name, port => port.ContainerPort));
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("health", container.LivenessProbe.HttpGet.Port.Value);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("health", container.ReadinessProbe.HttpGet.Port.Value);
        Assert.Contains("cpu", container.Resources.Requests.Keys);
        Assert.Contains("memory", container.Resources.Requests.Keys);
        Assert.Contains("memory", container.Resources.Limits.Keys);
    }

    [Fact]
    public void Image_tag_defaults_to_the_app_version()
    {
        var container = _helm.Template().Single<V1Deployment>().Spec.Template.Spec.Containers[0];

        Assert.Equal("ghcr.io/lb-operator/lb-operator:0.1.0", container.Image);
    }

    [Fact]
    public void Image_digest_wins_over_the_tag()
    {
        const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var container = _helm.Template("--set", "image.tag=9.9.9", "--set", $"image.digest={Digest}")
            .Single<V1Deployment>().Spec.Template.Spec.Containers[0];

        Assert.Equal($"ghcr.io/lb-operator/lb-operator@{Digest}", container.Image);
    }

    [Fact]
    public void Configuration_reaches_the_host_through_its_environment_names()
    {
        var deployment = _helm.TemplateScenario("enforce-values.yaml").Single<V1Deployment>();

        Assert.Equal("shop", Env(deployment, "LbOperator__WatchNamespaces__0"));
        Assert.Equal("payments", Env(deployment, "LbOperator__WatchNamespaces__1"));
        Assert.Equal("kube-system", Env(deployment, "LbOperator__ExcludedNamespaces__0"));
        Assert.Equal("monitoring", Env(deployment, "LbOperator__ExcludedNamespaces__1"));
        Assert.Equal("1.3", Env(deployment, "LbOperator__Policy__WarnSkew"));
        Assert.Equal("1.8", Env(deployment, "LbOperator__Policy__MaxSkew"));
        Assert.Equal("8", Env(deployment, "LbOperator__Workers"));
        Assert.Equal("10m", Env(deployment, "LbOperator__ResyncPeriod"));
        Assert.Equal("20", Env(deployment, "LbOperator__Api__Qps"));
        Assert.Equal("50", Env(deployment, "LbOperator__Api__Burst"));
        Assert.Equal("lb-operator", Env(deployment, "LbOperator__LeaderElection__LeaseName"));
        Assert.Equal(HelmCli.Namespace, Env(deployment, "LbOperator__LeaderElection__LeaseNamespace"));
        Assert.Equal("text", Env(deployment, "LbOperator__LogFormat"));
        Assert.Equal("Debug", Env(deployment, "Logging__LogLevel__Default"));
        Assert.Equal("enforce", Env(deployment, "LbOperator__Webhook__Mode"));
        Assert.Equal("/tls/tls.crt", Env(deployment, "LbOperator__Webhook__CertFile"));
        Assert.Equal("/tls/tls.key", Env(deployment, "LbOperator__Webhook__KeyFile"));
    }

    [Fact]
    public void An_empty_excluded_list_reaches_the_host_as_one_empty_entry_so_kube_system_is_audited_too()
    {
        var deployment = _helm.Template("--set-json", "config.excludedNamespaces=[]").Single<V1Deployment>();

        Assert.Equal("", Env(deployment, "LbOperator__ExcludedNamespaces__0"));
        Assert.Null(Env(deployment, "LbOperator__ExcludedNamespaces__1"));
    }

    [Fact]
    public void Pod_identity_comes_from_the_downward_api()
    {
        var container = _helm.Template().Single<V1Deployment>().Spec.Template.Spec.Containers[0];

        Assert.Equal("metadata.name", container.Env.Single(env => env.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", container.Env.Single(env => env.Name == "POD_NAMESPACE").ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void Environment_names_are_unique()
    {
        var container = _helm.TemplateScenario("enforce-values.yaml").Single<V1Deployment>().Spec.Template.Spec.Containers[0];

        var duplicates = container.Env.GroupBy(env => env.Name).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Webhook_certificate_secret_is_mounted_read_only_at_tls()
    {
        var pod = _helm.Template().Single<V1Deployment>().Spec.Template.Spec;

        var mount = pod.Containers[0].VolumeMounts.Single(volume => volume.MountPath == "/tls");
        Assert.True(mount.ReadOnlyProperty);
        Assert.Equal("lb-operator-webhook-tls", pod.Volumes.Single(volume => volume.Name == mount.Name).Secret.SecretName);
    }

    [Fact]
    public void Without_the_webhook_there_is_no_certificate_mount_and_no_webhook_port()
    {
        var deployment = _helm.TemplateScenario("no-webhook-values.yaml").Single<V1Deployment>();
        var container = deployment.Spec.Template.Spec.Containers[0];

        Assert.DoesNotContain(container.VolumeMounts, volume => volume.MountPath == "/tls");
        Assert.DoesNotContain(container.Ports, port => port.Name == "webhook");
        Assert.Equal("false", Env(deployment, "LbOperator__Webhook__Enabled"));
    }

    [Fact]
    public void Replicas_spread_across_nodes_and_a_disruption_budget_keeps_one()
    {
        var chart = _helm.Template();
        var pod = chart.Single<V1Deployment>().Spec.Template.Spec;

        var spread = Assert.Single(pod.TopologySpreadConstraints);
        Assert.Equal("kubernetes.io/hostname", spread.TopologyKey);
        Assert.Equal(1, spread.MaxSkew);
        Assert.Equal("lb-operator", spread.LabelSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.NotEmpty(pod.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution);
        var budget = chart.Single<V1PodDisruptionBudget>();
        Assert.Equal("1", budget.Spec.MinAvailable.Value);
        Assert.Equal(chart.Single<V1Deployment>().Spec.Selector.MatchLabels, budget.Spec.Selector.MatchLabels);
    }

    [Fact]
    public void A_single_replica_gets_no_disruption_budget_that_would_block_drains()
    {
        var chart = _helm.TemplateScenario("no-webhook-values.yaml");

        Assert.Empty(chart.All<V1PodDisruptionBudget>());
    }

    [Fact]
    public void Service_exposes_the_webhook_on_443_and_the_metrics()
    {
        var service = _helm.Template().Single<V1Service>();

        var webhook = service.Spec.Ports.Single(port => port.Name == "webhook");
        Assert.Equal(443, webhook.Port);
        Assert.Equal("webhook", webhook.TargetPort.Value);
        var metrics = service.Spec.Ports.Single(port => port.Name == "metrics");
        Assert.Equal(8080, metrics.Port);
        Assert.Equal("metrics", metrics.TargetPort.Value);
    }

    [Fact]
    public void Skew_thresholds_in_the_wrong_order_fail_the_render_with_a_clear_message()
    {
        var result = _helm.TryTemplate("--set", "config.policy.warnSkew=3");

        Assert.False(result.Succeeded);
        Assert.Contains("config.policy.warnSkew (3) must not exceed config.policy.maxSkew (2)", result.StandardError, StringComparison.Ordinal);
    }

    private static string? Env(V1Deployment deployment, string name) =>
        deployment.Spec.Template.Spec.Containers[0].Env.SingleOrDefault(env => env.Name == name)?.Value;

    public void Dispose() => _helm.Dispose();
}
