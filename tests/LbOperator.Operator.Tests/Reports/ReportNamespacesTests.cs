using LbOperator.Operator.Reports;

namespace LbOperator.Operator.Tests.Reports;

public class ReportNamespacesTests
{
    [Fact]
    public void Marks_coalesce_into_one_take_and_a_take_starts_afresh()
    {
        var namespaces = new ReportNamespaces();
        namespaces.Mark("shop");
        namespaces.Mark("shop");
        namespaces.Mark("web");

        var (taken, all) = namespaces.Take();

        Assert.Equal(["shop", "web"], taken.Order());
        Assert.False(all);
        Assert.Empty(namespaces.Take().Namespaces);
    }

    [Fact]
    public void Marked_completes_on_a_mark_and_is_pending_again_after_the_take()
    {
        var namespaces = new ReportNamespaces();
        var first = namespaces.Marked;
        Assert.False(first.IsCompleted);

        namespaces.MarkAll();

        Assert.True(first.IsCompleted);
        Assert.True(namespaces.Take().All);
        Assert.False(namespaces.Marked.IsCompleted);
    }
}
