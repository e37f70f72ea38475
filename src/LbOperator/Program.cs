using System.CommandLine;
using LbOperator.Commands;

var root = new RootCommand("lb-operator: audits how Kubernetes load balancing really spreads traffic.")
{
    VersionCommand.Create(),
    CheckCommand.Create(),
    RunCommand.Create(),
};
// The run command's host handles SIGTERM itself (drain, release the lease); System.CommandLine would kill it after 2 s.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
