namespace BillingKit;

/// <summary>
/// The base of every error that BillingKit raises for misuse or invalid input.
/// </summary>
/// <remarks>
/// Catch <see cref="BillingException"/> to handle any BillingKit error in one place. Business refusals that
/// callers are expected to branch on (a quota exceeded, a refund above the refundable amount) are returned as
/// results instead of thrown. Derived types carry the data that explains the error.
/// </remarks>
public abstract class BillingException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong and what was expected.</summary>
    /// <param name="message">What was wrong and what was expected.</param>
    protected BillingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was wrong and what was expected.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    protected BillingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
