namespace BillingKit.Operations;

/// <summary>How pay links are signed and how long they last.</summary>
/// <remarks>The signing keys are secrets: they come from configuration or a secret store, are never logged, and
/// never appear in audit records. <see cref="object.ToString"/> of this class shows no key.</remarks>
public sealed class PayLinkOptions
{
    /// <summary>The fewest bytes a signing key must have.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Gets or sets the key that signs new pay links: base64 of at least <see cref="MinimumKeyBytes"/> random
    /// bytes (for example <c>openssl rand -base64 32</c>).</summary>
    /// <value><see langword="null"/>: pay links are off, and issuing or verifying one throws
    /// <see cref="InvalidOperationException"/> naming this option.</value>
    public string? SigningKey { get; set; }

    /// <summary>Gets keys that signed earlier links and still verify them, so a key can be rotated without breaking
    /// links already sent. Same format as <see cref="SigningKey"/>.</summary>
    /// <value>Empty.</value>
    public IList<string> PreviousSigningKeys { get; } = [];

    /// <summary>Gets or sets how long a pay link is valid after it is issued.</summary>
    /// <value>7 days.</value>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Returns a description without any key.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"PayLinkOptions {{ SigningKey = {(SigningKey is null ? "none" : "set")}, PreviousSigningKeys = {PreviousSigningKeys.Count}, Lifetime = {Lifetime:c} }}";
}
