using System.Diagnostics.CodeAnalysis;

namespace BillingKit;

/// <summary>Identifies a customer (a billable party) within a tenant.</summary>
/// <remarks>Ids compare ordinally and case-sensitively. <c>default(CustomerId)</c> has an empty <see cref="Value"/> and
/// is never a valid id.</remarks>
public readonly partial record struct CustomerId
{
    private readonly string? _value;

    private CustomerId(string value) => _value = value;

    /// <summary>Gets the id's text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Wraps an id the host already has.</summary>
    /// <param name="value">1 to 128 characters, no white space or control characters.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has white space.</exception>
    public static CustomerId From(string value) => new(IdText.Require(value, nameof(CustomerId)));

    /// <summary>Tries to wrap an id.</summary>
    /// <param name="value">The text.</param>
    /// <param name="id">The id when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid id.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out CustomerId id)
    {
        id = IdText.IsValid(value) ? new CustomerId(value!) : default;
        return id._value is not null;
    }

    /// <summary>Creates a new random id such as <c>cus_3f2a...</c>.</summary>
    /// <returns>A new id.</returns>
    public static CustomerId New() => new(IdText.New("cus"));

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;
}
