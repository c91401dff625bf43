namespace BillingKit.Operations;

/// <summary>The default escalation sink: keeps every raised escalation in memory, in order.</summary>
/// <remarks>Thread-safe. Replace it with a sink that pages or opens tickets in production.</remarks>
public sealed class InMemoryEscalationSink : IEscalationSink
{
    private readonly Lock _gate = new();
    private readonly List<Escalation> _raised = [];

    /// <summary>Gets a copy of the escalations raised so far, oldest first.</summary>
    public IReadOnlyList<Escalation> Raised
    {
        get
        {
            lock (_gate)
            {
                return [.. _raised];
            }
        }
    }

    /// <inheritdoc />
    public ValueTask RaiseAsync(Escalation escalation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        lock (_gate)
        {
            _raised.Add(escalation);
        }

        return ValueTask.CompletedTask;
    }
}
