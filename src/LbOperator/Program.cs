using System.CommandLine;
using LbOperator.Commands;

var root = new RootCommand("lb-operator: audits how Kubernetes load balancing really spreads traffic.")
{
    VersionCommand.Create(),
    CheckCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
