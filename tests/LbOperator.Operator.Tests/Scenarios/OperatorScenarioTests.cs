using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Core.Analysis;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>The operator against the API emulator: the outage, its fix, a config change, and a long fault schedule.</summary>
public sealed class OperatorScenarioTests : IAsyncLifetime
{
    private static readonly string[] FaultedResources =
    [
        ApiResourceCatalog.Services.Name,
        ApiResourceCatalog.EndpointSlices.Name,
        ApiResourceCatalog.Nodes.Name,
        ApiResourceCatalog.Ingresses.Name,
        ApiResourceCatalog.HttpRoutes.Name,
        ApiResourceCatalog.CoreEvents.Name,
    ];

    private KubeApiEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await KubeApiEmulator.StartAsync(new KubeApiEmulatorOptions { GatewayApiInstalled = true, BookmarkInterval = TimeSpan.FromMilliseconds(500) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public Task The_outage_gives_a_traffic_skewed_event_on_the_service_and_a_skew_of_three() =>
        ScenarioSteps.OutageGivesTrafficSkewedAndSkewThree(_emulator.ClientConfiguration());

    [Fact]
    public Task Fixing_the_outage_gives_traffic_balanced_and_the_config_change() =>
        ScenarioSteps.FixingTheOutageGivesTrafficBalanced(_emulator.ClientConfiguration());

    [Fact]
    public Task Changing_the_external_traffic_policy_gives_a_config_changed_event_with_the_diff() =>
        ScenarioSteps.ChangingTheExternalTrafficPolicyGivesTheDiff(_emulator.ClientConfiguration());

    [Fact]
    public async Task The_first_full_audit_lets_the_event_recorder_list_earlier_events()
    {
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(_emulator.ClientConfiguration());
        var audit = operatorUnderTest.Services.GetRequiredService<IAuditProgress>();

        await Poll.FinishesAsync(audit.WaitForFirstAuditAsync(CancellationToken.None), "the first audit is reported complete");
        await Poll.UntilAsync(() => _emulator.Requests.Any(request => request.Verb == ApiVerb.List && request.Resource == ApiResourceCatalog.CoreEvents.Name),
            "earlier Events are listed");
    }

    [Fact]
    public async Task After_a_seeded_fault_schedule_the_published_state_equals_a_fresh_analysis()
    {
        const int Seed = 20261123;
        const int Steps = 240;
        var world = new RandomWorld(Seed);
        var schedule = new Random(Seed);
        foreach (var change in world.Initial())
        {
            ScenarioWorld.Apply(_emulator, change);
        }

        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(_emulator.ClientConfiguration());
        for (var step = 1; step <= Steps; step++)
        {
            InjectOrMutate(world, schedule);
            if (step % 60 == 0)
            {
                await ConvergesAsync(operatorUnderTest, $"step {step}");
            }
        }

        _emulator.Faults.Clear();
        await ConvergesAsync(operatorUnderTest, "the end of the schedule");

        var statuses = _emulator.Requests.Select(request => request.StatusCode).ToHashSet();
        Assert.Superset(new HashSet<int> { 200, 429, 500 }, statuses);
        var restartReasons = operatorUnderTest.Metrics.WatchRestarts.GetAllLabelValues().Select(labels => labels[1]).ToHashSet();
        Assert.Contains("silent", restartReasons);
        Assert.Contains("expired", restartReasons);
    }

    private void InjectOrMutate(RandomWorld world, Random schedule)
    {
        var resource = FaultedResources[schedule.Next(FaultedResources.Length)];
        switch (schedule.Next(14))
        {
            case 0:
                _emulator.DropWatches();
                break;
            case 1:
                _emulator.SilenceWatches();
                break;
            case 2:
                _emulator.Faults.Inject(FaultRule.TooManyRequests(resource, null, 1 + schedule.Next(2), TimeSpan.FromSeconds(1)));
                break;
            case 3:
                _emulator.Faults.Inject(FaultRule.ServerError(resource, null, 1 + schedule.Next(2)));
                break;
            case 4:
                _emulator.Faults.Inject(FaultRule.Slow(resource, null, 1, TimeSpan.FromMilliseconds(50 + schedule.Next(250))));
                break;
            case 5:
                _emulator.Faults.Inject(FaultRule.SilentWatch(resource, 1));
                _emulator.DropWatches();
                break;
            case 6:
                _emulator.CompactHistory();
                _emulator.DropWatches();
                break;
            default:
                ScenarioWorld.Apply(_emulator, world.Next());
                break;
        }
    }

    /// <summary>Waits until what the operator published matches a fresh analysis of the emulator's objects; on timeout shows the difference.</summary>
    private async Task ConvergesAsync(OperatorUnderTest operatorUnderTest, string when)
    {
        IReadOnlyList<string> expected = [];
        IReadOnlyList<string> published = [];
        IReadOnlyList<string> gauges = [];
        bool Matches()
        {
            expected = PublishedAudit.FromAnalysis(new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(ScenarioWorld.View(_emulator)));
            published = PublishedAudit.FromStates(operatorUnderTest.States);
            gauges = PublishedAudit.FromGauges(operatorUnderTest.Exposition);
            return expected.SequenceEqual(published) && PublishedAudit.EntryPointLines(expected).SequenceEqual(gauges);
        }

        try
        {
            await Poll.UntilAsync(Matches, $"the published state matches a fresh analysis after {when}");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"After {when} the published state never matched a fresh analysis:\n"
                + string.Join("\n", expected.Except(published).Select(line => "missing: " + line)
                    .Concat(published.Except(expected).Select(line => "stale:   " + line))
                    .Concat(PublishedAudit.EntryPointLines(expected).Except(gauges).Select(line => "gauge missing: " + line))
                    .Concat(gauges.Except(PublishedAudit.EntryPointLines(expected)).Select(line => "gauge stale:   " + line))));
        }

        Assert.NotEmpty(expected);
    }
}
