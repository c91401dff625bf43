namespace BillingKit.Ledger;

/// <summary>How the payments list is sorted; ties are broken by payment id.</summary>
public enum PaymentSort
{
    /// <summary>By due date.</summary>
    DueDate = 0,

    /// <summary>By amount (currency code first, then minor units).</summary>
    Amount = 1,

    /// <summary>By customer id.</summary>
    Customer = 2,

    /// <summary>By status.</summary>
    Status = 3,

    /// <summary>By payment date; unpaid payments last.</summary>
    PaymentDate = 4,
}
