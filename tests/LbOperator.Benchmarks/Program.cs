using BenchmarkDotNet.Running;
using LbOperator.Benchmarks.Operator;
using LbOperator.Benchmarks.Webhook;

if (args is ["webhook-load", .. var rest])
{
    return await WebhookLoadBenchmark.RunAsync(rest);
}

if (args is ["report-writes", .. var reportArgs])
{
    return await ReportWritesBenchmark.RunAsync(reportArgs);
}

if (args is ["scale", .. var scale])
{
    return await LbOperator.Benchmarks.Scale.ScaleBenchmark.RunAsync(scale);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
