using System.CommandLine;
using LbOperator.Check.Reports;
using LbOperator.Core.Analysis;

namespace LbOperator.Check;

/// <summary>The flags of <c>lb-operator check</c>.</summary>
internal sealed class CheckOptions
{
    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "A manifest file (several documents or a kind: List), a directory read recursively, or - for stdin. Repeatable.",
        HelpName = "PATH",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = $"Report format: {string.Join(", ", ReportWriters.Names)}. All but text carry only the document on stdout.",
        HelpName = string.Join('|', ReportWriters.Names),
    };

    public Option<string> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit 1 when a finding has at least this severity: error (default), warning or info.",
        HelpName = "error|warning|info",
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace of objects that name none (like kubectl apply -n); with --cluster, the namespace read.",
        HelpName = "NS",
    };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A")
    {
        Description = "With --cluster: read every namespace (the default without -n).",
    };

    public Option<bool> SkipInvalid { get; } = new("--skip-invalid")
    {
        Description = "Report unreadable documents as notes and go on, for folders that mix manifests with other YAML.",
    };

    public Option<string[]> IgnoreRules { get; } = new("--ignore-rule")
    {
        Description = "Drop the findings of this rule (e.g. LB004). Repeatable; see lb-operator rules.",
        HelpName = "ID",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<double?> WarnSkew { get; } = new("--warn-skew")
    {
        Description = "LB001 is a warning above this skew (default 1.5).",
        HelpName = "RATIO",
    };

    public Option<double?> MaxSkew { get; } = new("--max-skew")
    {
        Description = "LB001 is an error above this skew (default 2.0).",
        HelpName = "RATIO",
    };

    public Option<string> Config { get; } = new("--config")
    {
        Description = ".lb-operator.yaml to use (default: the nearest one from the working directory upward).",
        HelpName = "PATH",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Text report: the summary and the entry points with findings only.",
    };

    public Option<bool> Cluster { get; } = new("--cluster")
    {
        Description = "Read Services, EndpointSlices, Nodes, Ingresses and HTTPRoutes from the live cluster and lay the -f inputs over them.",
    };

    public Option<string> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "With --cluster: the kubeconfig (default: KUBECONFIG, else ~/.kube/config, else in-cluster).",
        HelpName = "PATH",
    };

    public Option<string> Context { get; } = new("--context")
    {
        Description = "With --cluster: the kubeconfig context (default: the current one).",
        HelpName = "NAME",
    };

    public Option<string> ReportApi { get; } = new("--report-api")
    {
        Description = "With --output policyreport: wgpolicyk8s (PolicyReport, default) or openreports (Report).",
        HelpName = "wgpolicyk8s|openreports",
    };

    public Option<string> PrometheusUrl { get; } = new("--prometheus-url")
    {
        Description = "With --cluster: query this Prometheus once, now, and show each endpoint's observed share next to its expected one. "
            + "LB007 is reported when the observed skew over the window is above the thresholds: one window, already an average, "
            + "stands for the operator's consecutive intervals.",
        HelpName = "URL",
    };

    public Option<string> ObservedWindow { get; } = new("--observed-window")
    {
        Description = "With --prometheus-url: the rate window, substituted for $window (default 5m).",
        HelpName = "DURATION",
    };

    public Option<string> ObservedQuery { get; } = new("--observed-query")
    {
        Description = "With --prometheus-url: the cluster-wide PromQL, one series per Pod with namespace and pod labels "
            + "(default: the operator's, bytes received per Pod from cAdvisor). A Service's lb-operator.io/observed-query annotation wins for its pods.",
        HelpName = "PROMQL",
    };

    public Option<string> LoadBalancer { get; } = new("--load-balancer")
    {
        Description = "The load balancer in front of LoadBalancer Services when neither their class, annotations, MetalLB advertisements nor Nodes show it: "
            + string.Join(", ", LoadBalancerNames.All) + ".",
        HelpName = string.Join("|", LoadBalancerNames.All),
    };

    public IEnumerable<Option> All =>
        [Files, Output, FailOn, ReportApi, LoadBalancer, Namespace, AllNamespaces, Cluster, Kubeconfig, Context, PrometheusUrl, ObservedWindow, ObservedQuery, SkipInvalid, IgnoreRules, WarnSkew, MaxSkew, Config, Quiet];
}
