namespace BillingKit.Providers;

/// <summary>An operation was asked of a provider that does not support it (see
/// <see cref="IPaymentProvider.Capabilities"/>). Thrown before any request.</summary>
public sealed class UnsupportedProviderOperationException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="operation">The operation it does not support.</param>
    /// <param name="detail">Why not, and what to do instead.</param>
    public UnsupportedProviderOperationException(ProviderName provider, ProviderCapabilities operation, string detail)
        : base($"The {provider} provider does not support {operation}: {detail}")
    {
        Provider = provider;
        Operation = operation;
    }

    /// <summary>Gets the provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets the operation it does not support.</summary>
    public ProviderCapabilities Operation { get; }
}
