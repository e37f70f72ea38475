using k8s;
using LbOperator.Commands;
using LbOperator.Runtime;

// First of all: KubernetesClient's shared serializer settings can change only until their first use.
KubernetesJson.AddJsonOptions(ManagedFieldsSkipped.Apply);

return await CommandLine.InvokeAsync(args, CliConsole.System());
