using System.CommandLine;
using System.Globalization;
using LbOperator.Check.Reports;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Manifests;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Kubernetes.Observed;
using LbOperator.Operator.Observed;

namespace LbOperator.Check;

/// <summary>
/// Turns the parsed flags and the config file into settings, or into a one-line usage error. Flags win
/// over the config file; ignored rules add up.
/// </summary>
internal static class CheckArguments
{
    /// <exception cref="FormatException">A usage error; the message is one line.</exception>
    public static CheckSettings Read(ParseResult parsed, CheckOptions options, string workingDirectory)
    {
        var config = ConfigOf(parsed.GetValue(options.Config), workingDirectory);
        var cluster = parsed.GetValue(options.Cluster);
        var paths = parsed.GetValue(options.Files) ?? [];
        if (paths.Any(path => path.Length == 0))
        {
            throw new FormatException("-f needs a path, not an empty string");
        }

        if (paths.Length == 0 && !cluster)
        {
            throw new FormatException("no manifests given: pass -f PATH (a file, a directory, or - for stdin) or --cluster");
        }

        var format = parsed.GetValue(options.Output) ?? "text";
        if (!ReportWriters.Names.Contains(format))
        {
            throw new FormatException($"--output must be {string.Join(", ", ReportWriters.Names)}, not '{format}'");
        }

        var failOnText = parsed.GetValue(options.FailOn);
        var failOn = failOnText is null
            ? config?.FailOn ?? Severity.Error
            : SeverityNames.Parse(failOnText) ?? throw new FormatException($"--fail-on must be error, warning or info, not '{failOnText}'");
        var @namespace = parsed.GetValue(options.Namespace) ?? config?.Namespace;
        var allNamespaces = parsed.GetValue(options.AllNamespaces);
        if (!cluster && (allNamespaces || parsed.GetValue(options.Kubeconfig) is not null || parsed.GetValue(options.Context) is not null))
        {
            throw new FormatException("-A, --kubeconfig and --context need --cluster");
        }

        if (allNamespaces && parsed.GetValue(options.Namespace) is not null)
        {
            throw new FormatException("-n and -A cannot be used together");
        }

        var policy = Policy(parsed, options, config);
        var read = new ManifestReadOptions(@namespace ?? MetadataReader.DefaultNamespace, config?.Exclude);
        var clusterSettings = cluster
            ? new ClusterSettings(parsed.GetValue(options.Kubeconfig), parsed.GetValue(options.Context), allNamespaces ? null : @namespace)
            : null;
        var reportApiText = parsed.GetValue(options.ReportApi) ?? ReportApi.PolicyReport.Name;
        var reportApi = ReportApi.Find(reportApiText) ?? throw new FormatException($"--report-api must be wgpolicyk8s or openreports, not '{reportApiText}'");
        return new CheckSettings(paths, format, failOn, read, policy, parsed.GetValue(options.SkipInvalid), parsed.GetValue(options.Quiet), clusterSettings, Observed(parsed, options, cluster))
        {
            ReportApi = reportApi,
        };
    }

    private static ObservedCheckSettings? Observed(ParseResult parsed, CheckOptions options, bool cluster)
    {
        var url = parsed.GetValue(options.PrometheusUrl);
        var windowText = parsed.GetValue(options.ObservedWindow);
        var query = parsed.GetValue(options.ObservedQuery);
        if (url is null)
        {
            return windowText is null && query is null ? null : throw new FormatException("--observed-window and --observed-query need --prometheus-url");
        }

        // Observed rates are joined to endpoints by Pod name: only the live cluster's pods are the ones Prometheus saw.
        if (!cluster)
        {
            throw new FormatException("--prometheus-url needs --cluster: observed traffic is matched to the live cluster's pods");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var prometheus) || (prometheus.Scheme != Uri.UriSchemeHttp && prometheus.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"--prometheus-url must be an absolute http(s) URL, not '{url}'");
        }

        var defaults = new ObservedOptions();
        var window = defaults.WindowValue;
        if (windowText is not null && (!GoDuration.TryParse(windowText, out window) || window < TimeSpan.FromSeconds(1)))
        {
            throw new FormatException($"--observed-window must be a duration of at least 1s such as 5m, not '{windowText}'");
        }

        if (query is not null && string.IsNullOrWhiteSpace(query))
        {
            throw new FormatException("--observed-query needs a PromQL query, not an empty string");
        }

        return new ObservedCheckSettings(prometheus, window, query ?? defaults.Query);
    }

    private static CheckConfigFile? ConfigOf(string? explicitPath, string workingDirectory)
    {
        if (explicitPath is not null && !File.Exists(explicitPath))
        {
            throw new FormatException($"--config {explicitPath}: no such file");
        }

        return (explicitPath ?? CheckConfigFile.Find(workingDirectory)) is { } path ? CheckConfigFile.Load(path) : null;
    }

    private static AnalysisPolicy Policy(ParseResult parsed, CheckOptions options, CheckConfigFile? config)
    {
        var warn = parsed.GetValue(options.WarnSkew) ?? config?.WarnSkew ?? AnalysisPolicy.Default.WarnSkew;
        var max = parsed.GetValue(options.MaxSkew) ?? config?.MaxSkew ?? AnalysisPolicy.Default.MaxSkew;
        if (!double.IsFinite(warn) || warn < 1 || !double.IsFinite(max) || max < warn)
        {
            throw new FormatException(string.Create(
                CultureInfo.InvariantCulture, $"thresholds need 1 <= warn skew <= max skew (got --warn-skew {warn}, --max-skew {max})"));
        }

        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in (parsed.GetValue(options.IgnoreRules) ?? []).Concat(config?.IgnoreRules ?? []))
        {
            var rule = Rules.Find(id) ?? throw new FormatException($"unknown rule '{id}' (see lb-operator rules)");
            ignored.Add(rule.Id);
        }

        LoadBalancerImplementation? loadBalancer = null;
        if ((parsed.GetValue(options.LoadBalancer) ?? config?.LoadBalancer) is { } loadBalancerText)
        {
            loadBalancer = LoadBalancerNames.TryParse(loadBalancerText, out var implementation)
                ? implementation
                : throw new FormatException($"--load-balancer must be {string.Join(", ", LoadBalancerNames.All)}, not '{loadBalancerText}'");
        }

        // A chart render carries no EndpointSlices; a Service without any is "not described", not "empty".
        return new AnalysisPolicy(warn, max, EndpointsMayBeAbsent: true, LoadBalancer: loadBalancer, IgnoredRules: ignored);
    }
}
