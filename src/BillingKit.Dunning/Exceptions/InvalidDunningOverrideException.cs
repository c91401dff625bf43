namespace BillingKit.Dunning;

/// <summary>An override was malformed: no reason, grace days out of range, or nothing for it to act on.</summary>
public sealed class InvalidDunningOverrideException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong and what was expected.</param>
    public InvalidDunningOverrideException(string message)
        : base(message)
    {
    }
}
