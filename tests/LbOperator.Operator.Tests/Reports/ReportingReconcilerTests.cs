using LbOperator.Core.Model;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Reports;

namespace LbOperator.Operator.Tests.Reports;

public class ReportingReconcilerTests
{
    private static readonly ObjectRef Web = new(ObjectKind.Service, "shop", "web");

    [Fact]
    public async Task A_reconcile_marks_its_namespace_and_returns_the_inner_result()
    {
        var namespaces = new ReportNamespaces();
        var reconciler = new ReportingReconciler(new Answering(() => ReconcileResult.After(TimeSpan.FromSeconds(1))), namespaces);

        var result = await reconciler.ReconcileAsync(Web, CancellationToken.None);

        Assert.Equal(ReconcileOutcome.RequeueAfter, result.Outcome);
        Assert.Equal(["shop"], namespaces.Take().Namespaces);
    }

    [Fact]
    public async Task A_failed_reconcile_still_marks_its_namespace()
    {
        var namespaces = new ReportNamespaces();
        var reconciler = new ReportingReconciler(new Answering(() => throw new InvalidOperationException("boom")), namespaces);

        await Assert.ThrowsAsync<InvalidOperationException>(() => reconciler.ReconcileAsync(Web, CancellationToken.None));

        Assert.Equal(["shop"], namespaces.Take().Namespaces);
    }

    private sealed class Answering(Func<ReconcileResult> answer) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ObjectRef key, CancellationToken cancellationToken) => Task.FromResult(answer());
    }
}
