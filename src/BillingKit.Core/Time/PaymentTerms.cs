using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace BillingKit;

/// <summary>
/// When an invoice falls due, counted in calendar days from the invoice date: due on receipt, or Net N.
/// </summary>
/// <remarks>
/// <para>Due on receipt (the usual terms for individual customers) makes an invoice due on its invoice date.
/// Net N makes it due N days later: Net 30 on January 1 is due January 31.</para>
/// <para><c>default(PaymentTerms)</c> is <see cref="DueOnReceipt"/>. <see cref="ToString"/> gives
/// "Due on receipt" or "Net 30", which <see cref="Parse"/> reads back.</para>
/// </remarks>
public readonly struct PaymentTerms : IEquatable<PaymentTerms>
{
    /// <summary>The longest Net term accepted, in days.</summary>
    public const int MaxDays = 365;

    private readonly int _days;

    private PaymentTerms(int days) => _days = days;

    /// <summary>Gets the number of days after the invoice date on which payment is due.</summary>
    /// <value>0 for due on receipt.</value>
    public int Days => _days;

    /// <summary>Gets whether payment is due on the invoice date itself.</summary>
    public bool IsDueOnReceipt => _days == 0;

    /// <summary>Gets the terms under which an invoice is due on its invoice date.</summary>
    public static PaymentTerms DueOnReceipt => default;

    /// <summary>Gets Net 7: due seven days after the invoice date.</summary>
    public static PaymentTerms Net7 => new(7);

    /// <summary>Gets Net 14: due fourteen days after the invoice date.</summary>
    public static PaymentTerms Net14 => new(14);

    /// <summary>Gets Net 30: due thirty days after the invoice date.</summary>
    public static PaymentTerms Net30 => new(30);

    /// <summary>Creates Net <paramref name="days"/> terms.</summary>
    /// <param name="days">Days after the invoice date, 0 (due on receipt) to <see cref="MaxDays"/>.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative or above <see cref="MaxDays"/>.</exception>
    public static PaymentTerms Net(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        return new PaymentTerms(days);
    }

    /// <summary>Gets the due date of an invoice dated <paramref name="invoiceDate"/>.</summary>
    /// <param name="invoiceDate">The invoice date, in the customer's billing calendar.</param>
    /// <returns>The invoice date plus <see cref="Days"/> calendar days.</returns>
    public LocalDate DueDate(LocalDate invoiceDate) => invoiceDate.PlusDays(_days);

    /// <summary>Reads "Due on receipt" or "Net N" (case-insensitive).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not one of those forms, or N is out of range.</exception>
    public static PaymentTerms Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var terms)
            ? terms
            : throw new FormatException($"'{text}' is not payment terms; expected 'Due on receipt' or 'Net N' with N from 0 to {MaxDays}.");
    }

    /// <summary>Tries to read "Due on receipt" or "Net N".</summary>
    /// <param name="text">The text.</param>
    /// <param name="terms">The terms when valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PaymentTerms terms)
    {
        terms = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (string.Equals(trimmed, "Due on receipt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.StartsWith("Net ", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(trimmed.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days <= MaxDays)
        {
            terms = new PaymentTerms(days);
            return true;
        }

        return false;
    }

    /// <summary>Returns "Due on receipt" or "Net N".</summary>
    /// <returns>The terms as billing staff write them.</returns>
    public override string ToString() =>
        IsDueOnReceipt ? "Due on receipt" : string.Create(CultureInfo.InvariantCulture, $"Net {_days}");

    /// <inheritdoc />
    public bool Equals(PaymentTerms other) => _days == other._days;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PaymentTerms other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _days;

    /// <summary>Tells whether two terms are the same.</summary>
    /// <param name="left">The first terms.</param>
    /// <param name="right">The second terms.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(PaymentTerms left, PaymentTerms right) => left.Equals(right);

    /// <summary>Tells whether two terms differ.</summary>
    /// <param name="left">The first terms.</param>
    /// <param name="right">The second terms.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(PaymentTerms left, PaymentTerms right) => !left.Equals(right);
}
