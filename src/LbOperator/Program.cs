using LbOperator.Commands;

return await CommandLine.InvokeAsync(args, CliConsole.System());
