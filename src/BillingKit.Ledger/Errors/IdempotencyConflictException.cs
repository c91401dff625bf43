namespace BillingKit.Ledger;

/// <summary>Thrown when an idempotency key is reused for a different operation or different content.</summary>
public sealed class IdempotencyConflictException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="key">The key.</param>
    public IdempotencyConflictException(TenantId tenant, IdempotencyKey key)
        : base($"Idempotency key '{key}' of tenant {tenant} was already used for a different request; reuse a key only to retry the identical request, and use a new key for a new one.")
    {
        Tenant = tenant;
        Key = key;
    }

    /// <summary>Gets the tenant.</summary>
    public TenantId Tenant { get; }

    /// <summary>Gets the key.</summary>
    public IdempotencyKey Key { get; }
}
