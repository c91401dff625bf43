using NodaTime;

namespace BillingKit.Providers;

/// <summary>A customer as a provider holds it.</summary>
public sealed record ProviderCustomer
{
    /// <summary>Gets the provider.</summary>
    public required ProviderName Provider { get; init; }

    /// <summary>Gets the provider's id (or code) of the customer.</summary>
    public required string ProviderCustomerId { get; init; }

    /// <summary>Gets the email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the default saved payment method, when the provider says.</summary>
    public string? DefaultPaymentMethodId { get; init; }

    /// <summary>Gets when the provider created the customer, when it says.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>Gets a value indicating whether the provider deleted the customer.</summary>
    public bool IsDeleted { get; init; }
}
