namespace BillingKit.Providers;

/// <summary>A webhook delivery could not be verified or read; nothing in it may be trusted or recorded.</summary>
public sealed class WebhookVerificationException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider the webhook claimed to come from.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="message">What was wrong and what to check.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public WebhookVerificationException(ProviderName provider, WebhookVerificationFailure reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Reason = reason;
    }

    /// <summary>Gets the provider the webhook claimed to come from.</summary>
    public ProviderName Provider { get; }

    /// <summary>Gets why it was refused.</summary>
    public WebhookVerificationFailure Reason { get; }
}
