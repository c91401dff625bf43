namespace BillingKit.Operations;

/// <summary>Something that looks like a secret or card data was about to be written to the audit log. Nothing was
/// written.</summary>
public sealed class SensitiveAuditDataException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The detail's key.</param>
    /// <param name="why">What looked sensitive.</param>
    public SensitiveAuditDataException(string key, string why)
        : base($"The audit detail '{key}' was refused: {why}. Record ids and outcomes, never secrets, tokens or card data.")
    {
        Key = key;
    }

    /// <summary>Gets the key of the refused detail.</summary>
    public string Key { get; }
}
