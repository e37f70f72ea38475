using k8s.Models;
using LbOperator.Chart.Tests.Infrastructure;
using LbOperator.Operator.Observed;
using LbOperator.Operator.Options;
using LbOperator.Runtime.Options;
using LbOperator.Webhook;
using Microsoft.Extensions.Configuration;

namespace LbOperator.Chart.Tests;

/// <summary>
/// The Deployment's environment, read back the way the host reads it: every variable must bind to a
/// real option, pass the host's own validation, and the chart's defaults must be the host's defaults.
/// </summary>
public sealed class HostConfigurationTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Theory]
    [MemberData(nameof(ChartScenarios.All), MemberType = typeof(ChartScenarios))]
    public void Every_setting_binds_to_a_host_option_and_passes_its_validation(string scenario)
    {
        var configuration = HostConfiguration(_helm.TemplateScenario(scenario));

        var operatorOptions = BindOperator(configuration);
        var webhookOptions = BindWebhook(configuration);

        var operatorResult = new OperatorOptionsValidator().Validate(null, operatorOptions);
        Assert.True(operatorResult.Succeeded, operatorResult.FailureMessage);
        var webhookResult = new WebhookOptionsValidator().Validate(null, webhookOptions);
        Assert.True(webhookResult.Succeeded, webhookResult.FailureMessage);
        var observedResult = new ObservedOptionsValidator().Validate(null, BindObserved(configuration));
        Assert.True(observedResult.Succeeded, observedResult.FailureMessage);
    }

    [Fact]
    public void Observed_traffic_is_off_by_default_and_its_chart_defaults_are_the_host_defaults()
    {
        Assert.False(BindObserved(HostConfiguration(_helm.Template())).Enabled);

        var chart = BindObserved(HostConfiguration(_helm.Template("--set", "observed.prometheusUrl=http://prometheus.monitoring:9090")));
        var host = new ObservedOptions();

        Assert.Equal("http://prometheus.monitoring:9090", chart.PrometheusUrl);
        Assert.Equal((host.IntervalValue, host.WindowValue, host.Query), (chart.IntervalValue, chart.WindowValue, chart.Query));
        Assert.Equal((host.MinRate, host.SustainFor, host.MaxQueriesPerInterval), (chart.MinRate, chart.SustainFor, chart.MaxQueriesPerInterval));
    }

    [Fact]
    public void An_observed_min_rate_reaches_the_host()
    {
        var options = BindObserved(HostConfiguration(_helm.Template("--set", "observed.prometheusUrl=http://p:9090", "--set-json", "observed.minRate=0.5")));

        Assert.Equal(0.5, options.MinRate);
    }

    [Fact]
    public void Chart_defaults_are_the_host_defaults()
    {
        var configuration = HostConfiguration(_helm.Template());
        var chart = BindOperator(configuration);
        var host = new OperatorOptions();
        Assert.Equal((new PolicyOptions().WarnSkew, new PolicyOptions().MaxSkew), (BindPolicy(configuration).WarnSkew, BindPolicy(configuration).MaxSkew));
        Assert.Equal(host.ResyncPeriod, chart.ResyncPeriod);
        Assert.Equal(host.Workers, chart.Workers);
        Assert.Equal(host.WatchSilenceTimeout, chart.WatchSilenceTimeout);
        Assert.Equal(host.ShutdownTimeout, chart.ShutdownTimeout);
        Assert.Equal(host.Api.Qps, chart.Api.Qps);
        Assert.Equal(host.Api.Burst, chart.Api.Burst);
        Assert.Equal(host.LeaderElection.Enabled, chart.LeaderElection.Enabled);
        Assert.Equal(host.LeaderElection.LeaseDuration, chart.LeaderElection.LeaseDuration);
        Assert.Equal(host.LeaderElection.RenewDeadline, chart.LeaderElection.RenewDeadline);
        Assert.Equal(host.LeaderElection.RetryPeriod, chart.LeaderElection.RetryPeriod);
        Assert.Equal((host.Ports.Metrics, host.Ports.Health, host.Ports.Webhook), (chart.Ports.Metrics, chart.Ports.Health, chart.Ports.Webhook));
        Assert.Equal(["kube-system"], chart.ExcludedNamespaces);
        Assert.Empty(chart.WatchNamespaces);

        var webhookChart = BindWebhook(configuration);
        var webhookHost = new WebhookOptions();
        Assert.Equal(webhookHost.Mode, webhookChart.Mode);
        Assert.Equal(webhookHost.TimeBudget, webhookChart.TimeBudget);
        Assert.Equal(webhookHost.CertFile, webhookChart.CertFile);
        Assert.Equal(webhookHost.KeyFile, webhookChart.KeyFile);
    }

    [Theory]
    [InlineData(30, 25)]
    [InlineData(60, 55)]
    [InlineData(10, 5)]
    public void The_shutdown_budget_is_the_grace_period_minus_five_seconds(int gracePeriod, int budget)
    {
        var chart = _helm.Template("--set", $"terminationGracePeriodSeconds={gracePeriod}");

        Assert.Equal(gracePeriod, chart.Single<V1Deployment>().Spec.Template.Spec.TerminationGracePeriodSeconds);
        Assert.Equal(TimeSpan.FromSeconds(budget), BindOperator(HostConfiguration(chart)).ShutdownTimeout);
    }

    [Fact]
    public void An_empty_excluded_list_makes_the_host_exclude_nothing()
    {
        var configuration = HostConfiguration(_helm.Template("--set-json", "config.excludedNamespaces=[]"));
        var options = BindOperator(configuration);

        new OperatorOptionsDefaults(configuration, _ => HelmCli.Namespace).PostConfigure(null, options);

        Assert.Empty(options.ExcludedNamespaces);
    }

    [Fact]
    public void Lease_lives_in_the_release_namespace_covered_by_the_role()
    {
        var chart = _helm.Template();
        var options = BindOperator(HostConfiguration(chart));

        Assert.Equal(chart.Single<V1Role>().Metadata.NamespaceProperty, options.LeaderElection.LeaseNamespace);
        Assert.Equal("lb-operator", options.LeaderElection.LeaseName);
    }

    private static IConfiguration HostConfiguration(RenderedChart chart)
    {
        var environment = chart.Single<V1Deployment>().Spec.Template.Spec.Containers[0].Env
            .Where(variable => variable.ValueFrom is null)
            .ToDictionary(variable => variable.Name.Replace("__", ":", StringComparison.Ordinal), variable => (string?)(variable.Value ?? ""));
        return new ConfigurationBuilder().AddInMemoryCollection(environment).Build();
    }

    /// <summary>
    /// The operator's keys only: the policy's, the webhook's and the observed-traffic feature's live in the same
    /// tree, under <c>LbOperator:Policy</c>, <c>LbOperator:Webhook</c> and <c>LbOperator:Observed</c>, with options of their own.
    /// </summary>
    private static OperatorOptions BindOperator(IConfiguration configuration)
    {
        Durations.UseForConfiguration();
        var operatorKeys = new ConfigurationBuilder().AddInMemoryCollection(configuration.AsEnumerable()
            .Where(pair => !pair.Key.StartsWith(WebhookOptions.SectionName, StringComparison.Ordinal)
                && !pair.Key.StartsWith(PolicyOptions.SectionName, StringComparison.Ordinal)
                && !pair.Key.StartsWith(ObservedOptions.SectionName, StringComparison.Ordinal))).Build();
        return operatorKeys.GetSection(OperatorOptions.SectionName).Get<OperatorOptions>(binder => binder.ErrorOnUnknownConfiguration = true)
            ?? throw new Xunit.Sdk.XunitException("no LbOperator settings in the Deployment");
    }

    private static PolicyOptions BindPolicy(IConfiguration configuration) =>
        configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new PolicyOptions();

    private static ObservedOptions BindObserved(IConfiguration configuration) =>
        configuration.GetSection(ObservedOptions.SectionName).Get<ObservedOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new ObservedOptions();

    private static WebhookOptions BindWebhook(IConfiguration configuration)
    {
        Durations.UseForConfiguration();
        return configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>(binder => binder.ErrorOnUnknownConfiguration = true)
            ?? throw new Xunit.Sdk.XunitException("no LbOperator:Webhook settings in the Deployment");
    }

    public void Dispose() => _helm.Dispose();
}
