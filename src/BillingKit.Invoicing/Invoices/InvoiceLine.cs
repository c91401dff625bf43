namespace BillingKit.Invoicing;

/// <summary>One line of an invoice: what is charged, how many, at what price and tax.</summary>
/// <remarks>
/// <para>Create lines with <see cref="Create"/>, which computes <see cref="Amount"/>, <see cref="TaxAmount"/> and
/// <see cref="Total"/> once, with the documented rounding; the descriptive properties (product, subscription,
/// period, customer) can then be set with <c>with</c>. The amounts cannot be set directly, so a line always adds up:
/// <c>Total == Amount + TaxAmount</c>.</para>
/// <para>Rounding, per line, to the currency's minor unit, half away from zero (<see cref="RoundingMode.HalfUp"/>):
/// <list type="bullet">
/// <item><description><see cref="BillingKit.Invoicing.TaxMode.Exclusive"/>: <c>Amount = round(UnitPrice × Quantity)</c>,
/// <c>TaxAmount = round(Amount × TaxRate)</c>, <c>Total = Amount + TaxAmount</c>.</description></item>
/// <item><description><see cref="BillingKit.Invoicing.TaxMode.Inclusive"/>: <c>Total = round(UnitPrice × Quantity)</c>
/// (the gross the customer was quoted), <c>Amount = round(Total ÷ (1 + TaxRate))</c>,
/// <c>TaxAmount = Total − Amount</c>; that is <c>TaxAmount = Total − Total ÷ (1 + TaxRate)</c> with the net
/// rounded, so the gross is never changed by rounding.</description></item>
/// </list>
/// Invoice totals are sums of these rounded line amounts, never re-rounded.</para>
/// </remarks>
public sealed record InvoiceLine
{
    /// <summary>The largest quantity a line accepts.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    private readonly string _description;

    private InvoiceLine(string description, Money unitPrice, decimal quantity, decimal taxRate, TaxMode taxMode, Money amount, Money taxAmount)
    {
        _description = description;
        UnitPrice = unitPrice;
        Quantity = quantity;
        TaxRate = taxRate;
        TaxMode = taxMode;
        Amount = amount;
        TaxAmount = taxAmount;
    }

    /// <summary>Gets what is charged, as printed on the invoice.</summary>
    /// <exception cref="ArgumentException">Set to an empty or white-space description.</exception>
    public string Description
    {
        get => _description;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _description = value;
        }
    }

    /// <summary>Gets the product (SKU or catalogue id) charged, if any.</summary>
    public string? ProductId { get; init; }

    /// <summary>Gets the product variant (size, tier, edition), if any.</summary>
    public string? Variant { get; init; }

    /// <summary>Gets the plan the line bills for, if it comes from a subscription.</summary>
    public PlanId? PlanId { get; init; }

    /// <summary>Gets the subscription the line bills for, if any.</summary>
    public SubscriptionId? SubscriptionId { get; init; }

    /// <summary>Gets the service period the line covers (start inclusive, end exclusive), if any.</summary>
    public BillingPeriod? Period { get; init; }

    /// <summary>Gets the customer the line belongs to on a consolidated billing-group invoice.</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>Gets the name of the customer the line belongs to, printed on consolidated billing-group invoices.</summary>
    public string? CustomerName { get; init; }

    /// <summary>Gets the date the charge fell due before it was consolidated, used to settle the oldest lines
    /// first when a group invoice is partly paid; <see langword="null"/> means the invoice's own due date.</summary>
    public NodaTime.LocalDate? OriginalDueDate { get; init; }

    /// <summary>Gets the quantity; positive.</summary>
    public decimal Quantity { get; }

    /// <summary>Gets the price of one unit, including tax when <see cref="TaxMode"/> is inclusive.</summary>
    public Money UnitPrice { get; }

    /// <summary>Gets whether <see cref="UnitPrice"/> includes tax.</summary>
    public TaxMode TaxMode { get; }

    /// <summary>Gets the tax rate as a fraction (0.2 for 20 %); from 0 to 1.</summary>
    public decimal TaxRate { get; }

    /// <summary>Gets the net amount of the line, excluding tax.</summary>
    public Money Amount { get; }

    /// <summary>Gets the tax on the line.</summary>
    public Money TaxAmount { get; }

    /// <summary>Gets the line's amount including tax: <see cref="Amount"/> + <see cref="TaxAmount"/>.</summary>
    public Money Total => Amount + TaxAmount;

    /// <summary>Gets the line's currency.</summary>
    public Currency Currency => UnitPrice.Currency;

    /// <summary>Creates a line and computes its amounts with the rounding rule described on <see cref="InvoiceLine"/>.</summary>
    /// <param name="description">What is charged; not empty.</param>
    /// <param name="unitPrice">The price of one unit; negative for a discount or adjustment line.</param>
    /// <param name="quantity">How many units; above zero and at most <see cref="MaxQuantity"/>.</param>
    /// <param name="taxRate">The tax rate as a fraction (0.075 for 7.5 %), from 0 to 1.</param>
    /// <param name="taxMode">Whether <paramref name="unitPrice"/> includes tax.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentException"><paramref name="description"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> or <paramref name="taxRate"/> is out of range,
    /// or <paramref name="taxMode"/> is not defined.</exception>
    /// <exception cref="OverflowException">The amount does not fit in 64-bit minor units.</exception>
    public static InvoiceLine Create(string description, Money unitPrice, decimal quantity = 1m, decimal taxRate = 0m, TaxMode taxMode = TaxMode.Exclusive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quantity, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, MaxQuantity);
        ArgumentOutOfRangeException.ThrowIfNegative(taxRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(taxRate, 1m);
        Money amount;
        Money tax;
        switch (taxMode)
        {
            case TaxMode.Exclusive:
                amount = unitPrice.Multiply(quantity, RoundingMode.HalfUp);
                tax = amount.Multiply(taxRate, RoundingMode.HalfUp);
                break;
            case TaxMode.Inclusive:
                var gross = unitPrice.Multiply(quantity, RoundingMode.HalfUp);
                amount = gross.Divide(1m + taxRate, RoundingMode.HalfUp);
                tax = gross - amount;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(taxMode), taxMode, "Expected TaxMode.Exclusive or TaxMode.Inclusive.");
        }

        return new InvoiceLine(description, unitPrice, quantity, taxRate, taxMode, amount, tax);
    }
}
