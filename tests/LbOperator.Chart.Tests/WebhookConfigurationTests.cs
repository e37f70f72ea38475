using k8s.Models;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class WebhookConfigurationTests : IDisposable
{
    private readonly HelmCli _helm = new();

    public static TheoryData<string, string, string?> Entries => new()
    {
        { "enforce.validate.lb-operator.io", "/validate/enforce", "In enforce" },
        { "warn.validate.lb-operator.io", "/validate/warn", "In warn" },
        { "default.validate.lb-operator.io", "/validate", "DoesNotExist" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_namespace_mode_has_its_own_entry_and_path(string name, string path, string? modeSelector)
    {
        var entry = Entry(_helm.Template(), name);

        Assert.Equal(path, entry.ClientConfig.Service.Path);
        Assert.Equal(443, entry.ClientConfig.Service.Port);
        Assert.Equal("lb-operator", entry.ClientConfig.Service.Name);
        Assert.Equal(HelmCli.Namespace, entry.ClientConfig.Service.NamespaceProperty);
        var mode = entry.NamespaceSelector.MatchExpressions.Single(expression => expression.Key == "lb-operator.io/enforce");
        Assert.Equal(modeSelector, string.Join(' ', new[] { mode.OperatorProperty }.Concat(mode.Values ?? [])));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_entry_is_safe_for_the_cluster(string name, string path, string? modeSelector)
    {
        _ = (path, modeSelector);
        var entry = Entry(_helm.Template(), name);

        Assert.Equal("Ignore", entry.FailurePolicy);
        Assert.Equal(5, entry.TimeoutSeconds);
        Assert.Equal("None", entry.SideEffects);
        Assert.Equal(["v1"], entry.AdmissionReviewVersions);
        Assert.Equal("Equivalent", entry.MatchPolicy);
        var exclusion = entry.NamespaceSelector.MatchExpressions.Single(expression => expression.Key == "kubernetes.io/metadata.name");
        Assert.Equal("NotIn", exclusion.OperatorProperty);
        Assert.Equal(["kube-system", HelmCli.Namespace], exclusion.Values);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_entry_checks_services_ingresses_httproutes_and_grpcroutes_on_create_and_update(string name, string path, string? modeSelector)
    {
        _ = (path, modeSelector);
        var entry = Entry(_helm.Template(), name);

        var matched = entry.Rules
            .SelectMany(rule => from apiGroup in rule.ApiGroups
                                from version in rule.ApiVersions
                                from resource in rule.Resources
                                select $"{apiGroup}/{version}/{resource} {string.Join(',', rule.Operations)}")
            .Order();
        Assert.Equal(
            ["/v1/services CREATE,UPDATE", "gateway.networking.k8s.io/v1/grpcroutes CREATE,UPDATE", "gateway.networking.k8s.io/v1/httproutes CREATE,UPDATE", "networking.k8s.io/v1/ingresses CREATE,UPDATE"],
            matched);
    }

    [Fact]
    public void Namespaces_labelled_off_match_no_entry()
    {
        var configuration = _helm.Template().Single<V1ValidatingWebhookConfiguration>();

        Assert.All(configuration.Webhooks, entry =>
        {
            var mode = entry.NamespaceSelector.MatchExpressions.Single(expression => expression.Key == "lb-operator.io/enforce");
            Assert.DoesNotContain("off", mode.Values ?? []);
            Assert.NotEqual("Exists", mode.OperatorProperty);
        });
    }

    [Fact]
    public void The_cluster_default_mode_goes_to_the_host_not_to_the_selectors()
    {
        var chart = _helm.TemplateScenario("enforce-values.yaml");

        Assert.Equal(3, chart.Single<V1ValidatingWebhookConfiguration>().Webhooks.Count);
        var env = chart.Single<V1Deployment>().Spec.Template.Spec.Containers[0].Env;
        Assert.Equal("enforce", env.Single(variable => variable.Name == "LbOperator__Webhook__Mode").Value);
    }

    [Fact]
    public void Failure_policy_and_extra_excluded_namespaces_are_values()
    {
        var configuration = _helm.TemplateScenario("enforce-values.yaml").Single<V1ValidatingWebhookConfiguration>();

        Assert.All(configuration.Webhooks, entry =>
        {
            Assert.Equal("Fail", entry.FailurePolicy);
            var exclusion = entry.NamespaceSelector.MatchExpressions.Single(expression => expression.OperatorProperty == "NotIn");
            Assert.Equal(["kube-system", HelmCli.Namespace, "monitoring", "cert-manager"], exclusion.Values);
        });
    }

    [Fact]
    public void With_watched_namespaces_the_webhook_sees_only_those()
    {
        var configuration = _helm.TemplateScenario("enforce-values.yaml").Single<V1ValidatingWebhookConfiguration>();

        Assert.All(configuration.Webhooks, entry =>
        {
            var watched = entry.NamespaceSelector.MatchExpressions.Single(expression => expression.OperatorProperty == "In" && expression.Key == "kubernetes.io/metadata.name");
            Assert.Equal(["shop", "payments"], watched.Values);
        });
    }

    [Fact]
    public void Kube_system_and_the_release_namespace_stay_excluded_even_when_the_operator_audits_everything()
    {
        var configuration = _helm.Template("--set-json", "config.excludedNamespaces=[]").Single<V1ValidatingWebhookConfiguration>();

        Assert.All(configuration.Webhooks, entry =>
        {
            var exclusion = entry.NamespaceSelector.MatchExpressions.Single(expression => expression.OperatorProperty == "NotIn");
            Assert.Equal(["kube-system", HelmCli.Namespace], exclusion.Values);
        });
    }

    [Fact]
    public void Disabling_the_webhook_removes_its_configuration_and_certificates()
    {
        var chart = _helm.TemplateScenario("no-webhook-values.yaml");

        Assert.Empty(chart.All<V1ValidatingWebhookConfiguration>());
        Assert.Empty(chart.All<V1Secret>());
        Assert.DoesNotContain(chart.Single<V1Service>().Spec.Ports, port => port.Name == "webhook");
    }

    private static V1ValidatingWebhook Entry(RenderedChart chart, string name) =>
        chart.Single<V1ValidatingWebhookConfiguration>().Webhooks.Single(entry => entry.Name == name);

    public void Dispose() => _helm.Dispose();
}
