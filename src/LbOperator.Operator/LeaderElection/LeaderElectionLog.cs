using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.LeaderElection;

internal static partial class LeaderElectionLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "{Identity} became the leader ({Lease})")]
    public static partial void StartedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "{Identity} lost the leader lease ({Lease}); entering the election again")]
    public static partial void StoppedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 2408, Level = LogLevel.Information, Message = "{Identity} stops leading to shut down ({Lease})")]
    public static partial void SteppingDown(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "The leader is now {Leader}")]
    public static partial void NewLeader(ILogger logger, string leader);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "Leader election error")]
    public static partial void ElectionError(ILogger logger, Exception error);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Information, Message = "Released the leader lease ({Lease})")]
    public static partial void Released(ILogger logger, string lease);

    [LoggerMessage(EventId = 2407, Level = LogLevel.Error, Message = "Forbidden to {Verb} the Lease {Lease} (403): {Identity} cannot lead until its service account may get, create and update leases there; retrying")]
    public static partial void LeaseForbidden(ILogger logger, string verb, string lease, string identity);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Information, Message = "Leader election is disabled; this replica always leads")]
    public static partial void Disabled(ILogger logger);
}
