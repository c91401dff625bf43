using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>A purchase order as a customer submits it.</summary>
/// <param name="CustomerId">The customer who issued it.</param>
/// <param name="Number">The order's number in the customer's system, printed on invoices; not empty.</param>
/// <param name="Amount">The most that may be invoiced against it; above zero. Its currency is the order's currency.</param>
/// <param name="ValidFrom">The first day invoices may be drawn on it.</param>
/// <param name="ValidUntil">The last day (inclusive) invoices may be drawn on it.</param>
public sealed record NewPurchaseOrder(CustomerId CustomerId, string Number, Money Amount, LocalDate ValidFrom, LocalDate ValidUntil)
{
    /// <summary>Gets a free-text reference (the buyer's department, contract, or cost centre).</summary>
    /// <value><see langword="null"/> by default.</value>
    public string? Reference { get; init; }
}
