namespace BillingKit.Operations;

/// <summary>Receives raised escalations: the host's pager, ticket system or queue. The default,
/// <see cref="InMemoryEscalationSink"/>, keeps them in memory for the desk to show.</summary>
/// <remarks>Implementations are thread-safe and should not throw for delivery problems they can retry themselves.</remarks>
public interface IEscalationSink
{
    /// <summary>Delivers an escalation.</summary>
    /// <param name="escalation">The escalation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when delivered.</returns>
    ValueTask RaiseAsync(Escalation escalation, CancellationToken cancellationToken = default);
}
