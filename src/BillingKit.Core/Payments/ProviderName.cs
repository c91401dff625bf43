using System.Diagnostics.CodeAnalysis;

namespace BillingKit;

/// <summary>
/// Names the payment provider that handled money: Stripe, Paystack, Flutterwave, or Offline for money received
/// outside any provider (wire, check, cash). Hosts may name other providers they plug in.
/// </summary>
/// <remarks>Names are lower case ASCII letters, digits, '-' and '_'; comparisons are ordinal.
/// <c>default(ProviderName)</c> has an empty <see cref="Value"/> and names no provider.</remarks>
public readonly record struct ProviderName
{
    private readonly string? _value;

    private ProviderName(string value) => _value = value;

    /// <summary>Gets Stripe.</summary>
    public static ProviderName Stripe { get; } = new("stripe");

    /// <summary>Gets Paystack.</summary>
    public static ProviderName Paystack { get; } = new("paystack");

    /// <summary>Gets Flutterwave.</summary>
    public static ProviderName Flutterwave { get; } = new("flutterwave");

    /// <summary>Gets the built-in provider for money received outside any provider (wire, check, cash).</summary>
    public static ProviderName Offline { get; } = new("offline");

    /// <summary>Gets the name, such as "stripe".</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a provider name from text, in any case.</summary>
    /// <param name="value">1 to 32 letters, digits, '-' or '_'.</param>
    /// <returns>The name, lower case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has other characters.</exception>
    public static ProviderName From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryFrom(value, out var name)
            ? name
            : throw new ArgumentException($"'{value}' is not a provider name; expected 1 to 32 letters, digits, '-' or '_' such as 'stripe'.", nameof(value));
    }

    /// <summary>Tries to get a provider name from text.</summary>
    /// <param name="value">The text.</param>
    /// <param name="name">The name when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out ProviderName name)
    {
        name = default;
        if (string.IsNullOrEmpty(value) || value.Length > 32)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

#pragma warning disable CA1308 // Provider names are lower case by definition.
        name = new ProviderName(value.ToLowerInvariant());
#pragma warning restore CA1308
        return true;
    }

    /// <summary>Returns the name.</summary>
    /// <returns>The name, such as "stripe".</returns>
    public override string ToString() => Value;
}
