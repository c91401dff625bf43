namespace BillingKit.Entitlements;

/// <summary>Thrown when feature overrides given as JSON are malformed or hold a value of an unsupported type.</summary>
public sealed class InvalidFeatureOverrideException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong and what was expected.</param>
    /// <param name="innerException">The JSON parser's error, when there is one.</param>
    public InvalidFeatureOverrideException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
