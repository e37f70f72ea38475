namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>The chart's defaults plus every <c>ci/*-values.yaml</c> scenario.</summary>
public static class ChartScenarios
{
    public const string Defaults = "(defaults)";

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Defaults };
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryLayout.Chart, "ci"), "*-values.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }

            return data;
        }
    }

    public static string[] ArgumentsFor(string scenario) =>
        scenario == Defaults ? [] : ["--values", Path.Combine(RepositoryLayout.Chart, "ci", scenario)];
}
