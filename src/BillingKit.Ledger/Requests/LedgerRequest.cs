namespace BillingKit.Ledger;

/// <summary>What every ledger operation carries: who asks, and the key that makes a retry safe.</summary>
/// <remarks>Posting again with the same key and the same content returns the first result and writes nothing; the
/// same key with different content throws <see cref="IdempotencyConflictException"/>. The actor is not part of the
/// content, so a retry by another process is still a retry.</remarks>
public abstract record LedgerRequest
{
    /// <summary>Gets the idempotency key, unique per tenant. Derive it from domain ids (<see cref="IdempotencyKey.Derive"/>).</summary>
    public required IdempotencyKey IdempotencyKey { get; init; }

    /// <summary>Gets who performs the operation.</summary>
    public required Actor Actor { get; init; }

    internal abstract string Fingerprint();

    internal void ValidateCommon(string paramName)
    {
        if (IdempotencyKey.Value.Length == 0)
        {
            throw new ArgumentException("A ledger request needs an idempotency key; default(IdempotencyKey) is not one.", paramName);
        }

        if (Actor is null)
        {
            throw new ArgumentException("A ledger request needs an actor.", paramName);
        }
    }
}
