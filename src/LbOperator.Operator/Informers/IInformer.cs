namespace LbOperator.Operator.Informers;

/// <summary>One running informer, as the host starts it and readiness checks it.</summary>
public interface IInformer
{
    string Resource { get; }

    bool HasSynced { get; }

    Task RunAsync(CancellationToken stoppingToken);
}
