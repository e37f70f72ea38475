using BenchmarkDotNet.Running;
using LbOperator.Benchmarks.Webhook;

if (args is ["webhook-load", .. var rest])
{
    return await WebhookLoadBenchmark.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
