namespace BillingKit.Ledger;

/// <summary>Thrown when a refund is to pay out more credit balance than the tenant has.</summary>
public sealed class InsufficientCreditBalanceException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requested">The amount asked for.</param>
    /// <param name="available">The tenant's credit balance.</param>
    public InsufficientCreditBalanceException(Money requested, Money available)
        : base($"The tenant's credit balance is {available}; {requested} was asked to be paid out of it. Pay out at most the credit balance, or refund the rest as revenue.")
    {
        Requested = requested;
        Available = available;
    }

    /// <summary>Gets the amount asked for.</summary>
    public Money Requested { get; }

    /// <summary>Gets the tenant's credit balance.</summary>
    public Money Available { get; }
}
