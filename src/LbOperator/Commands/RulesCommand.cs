using System.CommandLine;
using LbOperator.Check;
using LbOperator.Core.Analysis;

namespace LbOperator.Commands;

/// <summary><c>lb-operator rules [ID]</c>: the rule catalogue, or one rule explained — the text the SARIF help carries too.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("ID") { Description = "A rule id such as LB001; omit to list every rule.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("rules", "List the rules, or explain one: what it finds, its severity, its Event reason and how to fix it.") { id };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(id) is not { } wanted)
            {
                foreach (var rule in Rules.All)
                {
                    output.WriteLine($"{rule.Id}  {rule.Name,-20} {SeverityNames.Of(rule.DefaultSeverity),-8} {rule.Description}");
                    output.WriteLine($"       fix: {rule.Help}");
                }

                return ExitCodes.Clean;
            }

            if (Rules.Find(wanted) is not { } found)
            {
                parsed.InvocationConfiguration.Error.WriteLine($"lb-operator rules: unknown rule '{wanted}'; known: {string.Join(", ", Rules.All.Select(r => r.Id))}");
                return ExitCodes.UsageOrInputError;
            }

            output.WriteLine($"{found.Id} {found.Name}");
            output.WriteLine($"severity:     {SeverityNames.Of(found.DefaultSeverity)}{(found == Rules.TrafficSkew ? " (error above --max-skew)" : "")}");
            output.WriteLine($"event reason: {found.EventReason}");
            output.WriteLine($"what:         {found.Description}");
            output.WriteLine($"fix:          {found.Help}");
            output.WriteLine($"turn off:     --ignore-rule {found.Id}, ignoreRules in .lb-operator.yaml, or the annotation {ObjectAnnotations.IgnoreRules}: \"{found.Id}\"");
            return ExitCodes.Clean;
        });
        return command;
    }
}
