using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Operator.Tests.Scenarios;

namespace LbOperator.Operator.Tests.Hosting;

/// <summary>The order in which a replica starts, against the API emulator.</summary>
public sealed class OperatorServiceTests : IAsyncLifetime
{
    private KubeApiEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await KubeApiEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_replica_asks_for_the_lease_only_once_its_first_full_audit_is_done()
    {
        _emulator.Faults.Inject(FaultRule.ServerError(ApiResourceCatalog.EndpointSlices.Name, ApiVerb.List, count: 2));

        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(_emulator.ClientConfiguration());

        var requests = _emulator.Requests.ToList();
        var slicesListed = requests.FindIndex(request =>
            request is { Verb: ApiVerb.List, StatusCode: 200 } && request.Resource == ApiResourceCatalog.EndpointSlices.Name);
        var firstLeaseRequest = requests.FindIndex(request => request.Resource == ApiResourceCatalog.Leases.Name);
        Assert.Equal(2, requests.Count(request => request is { Verb: ApiVerb.List, StatusCode: 500 }));
        Assert.InRange(slicesListed, 0, firstLeaseRequest - 1);
    }
}
