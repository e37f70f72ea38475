using System.CommandLine;
using System.Reflection;

namespace LbOperator.Commands;

/// <summary><c>lb-operator version</c>: prints the informational version baked in at build time.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the lb-operator version.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"lb-operator {version}");
            return 0;
        });
        return command;
    }
}
