using System.Diagnostics.CodeAnalysis;

namespace BillingKit.Ledger;

/// <summary>Identifies one posted ledger transaction.</summary>
/// <remarks>Ids compare ordinally and case-sensitively. <c>default(LedgerTransactionId)</c> has an empty
/// <see cref="Value"/> and is never a valid id.</remarks>
public readonly record struct LedgerTransactionId
{
    private const int MaxLength = 128;
    private readonly string? _value;

    private LedgerTransactionId(string value) => _value = value;

    /// <summary>Gets the id's text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Wraps an id read back from storage.</summary>
    /// <param name="value">1 to 128 characters, no white space or control characters.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has white space.</exception>
    public static LedgerTransactionId From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryFrom(value, out var id)
            ? id
            : throw new ArgumentException($"'{value}' is not a ledger transaction id; expected 1 to {MaxLength} characters without white space.", nameof(value));
    }

    /// <summary>Tries to wrap an id.</summary>
    /// <param name="value">The text.</param>
    /// <param name="id">The id when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out LedgerTransactionId id)
    {
        id = default;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        id = new LedgerTransactionId(value);
        return true;
    }

    /// <summary>Creates a new random id such as <c>ltx_3f2a...</c>.</summary>
    /// <returns>A new id.</returns>
    public static LedgerTransactionId New() =>
        new(string.Create(36, Guid.NewGuid(), static (text, guid) =>
        {
            "ltx_".CopyTo(text);
            guid.TryFormat(text[4..], out _, "N");
        }));

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;
}
