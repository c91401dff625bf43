using System.Globalization;

namespace BillingKit.Entitlements;

/// <summary>A feature's value in a plan or an override: a flag, a whole number (such as a seat count) or text.</summary>
/// <remarks><c>default(FeatureValue)</c> is the flag <see cref="Off"/>.</remarks>
public readonly record struct FeatureValue
{
    private FeatureValue(FeatureValueKind kind, long number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    /// <summary>Gets the flag that is on.</summary>
    public static FeatureValue On { get; } = new(FeatureValueKind.Flag, 1, null);

    /// <summary>Gets the flag that is off.</summary>
    public static FeatureValue Off => default;

    /// <summary>Gets the kind of value.</summary>
    public FeatureValueKind Kind { get; }

    /// <summary>Gets the number: 1 or 0 for a flag, the value for a number, 0 for text.</summary>
    public long Number { get; }

    /// <summary>Gets the text of a text value; <see langword="null"/> for flags and numbers.</summary>
    public string? Text { get; }

    /// <summary>Gets whether the feature counts as enabled: a flag that is on, a number other than zero, or non-empty text.</summary>
    public bool IsEnabled => Kind == FeatureValueKind.Text ? !string.IsNullOrEmpty(Text) : Number != 0;

    /// <summary>Gets a flag.</summary>
    /// <param name="enabled">Whether it is on.</param>
    /// <returns>The value.</returns>
    public static FeatureValue Flag(bool enabled) => enabled ? On : Off;

    /// <summary>Gets a whole-number value, such as a seat count.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The value.</returns>
    public static FeatureValue FromNumber(long number) => new(FeatureValueKind.Number, number, null);

    /// <summary>Gets a text value.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static FeatureValue FromText(string text) => new(FeatureValueKind.Text, 0, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>Returns "true"/"false", the number, or the text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        FeatureValueKind.Flag => Number != 0 ? "true" : "false",
        FeatureValueKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => Text ?? string.Empty,
    };
}
