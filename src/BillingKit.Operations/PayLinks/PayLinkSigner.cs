using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Signs and reads pay link tokens: <c>pl1.</c> + base64url(claims) + <c>.</c> + base64url(HMAC-SHA256 over
/// everything before the last dot). Verification tries the current key and every previous key, comparing
/// signatures in constant time. Pure: no clock, no store.
/// </summary>
/// <remarks>Thread-safe. Holds the keys; never exposes or logs them.</remarks>
internal sealed class PayLinkSigner
{
    private const string Prefix = "pl1.";
    private const int MaxTokenLength = 2048;
    private readonly byte[] _signingKey;
    private readonly byte[][] _verificationKeys;

    public PayLinkSigner(byte[] signingKey, IEnumerable<byte[]> previousKeys)
    {
        _signingKey = signingKey;
        _verificationKeys = [signingKey, .. previousKeys];
    }

    /// <summary>Builds the signer from options.</summary>
    /// <exception cref="InvalidOperationException">No signing key is configured, or a key is not valid base64 of
    /// enough bytes (the options validator reports the same at start-up).</exception>
    public static PayLinkSigner FromOptions(PayLinkOptions options)
    {
        if (options.SigningKey is null)
        {
            throw new InvalidOperationException("Pay links are off: set BillingDeskOptions.PayLinks.SigningKey to base64 of at least 32 random bytes.");
        }

        return new PayLinkSigner(
            DecodeKey(options.SigningKey) ?? throw new InvalidOperationException(KeyProblem("SigningKey")),
            options.PreviousSigningKeys.Select((key, i) => DecodeKey(key) ?? throw new InvalidOperationException(KeyProblem($"PreviousSigningKeys[{i}]"))));
    }

    /// <summary>Decodes a base64 key of at least <see cref="PayLinkOptions.MinimumKeyBytes"/> bytes, or returns null.</summary>
    public static byte[]? DecodeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written >= PayLinkOptions.MinimumKeyBytes
            ? buffer[..written]
            : null;
    }

    public static string KeyProblem(string option) =>
        $"BillingDeskOptions.PayLinks.{option} must be base64 of at least {PayLinkOptions.MinimumKeyBytes} random bytes (for example from 'openssl rand -base64 32').";

    public string Sign(PayLinkClaims claims)
    {
        var payload = string.Join(
            '\n',
            claims.LinkId,
            claims.Tenant.Value,
            claims.Invoice.Value,
            claims.IssuedAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture),
            claims.ExpiresAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture));
        var signed = Prefix + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var mac = HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(signed));
        return signed + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>Reads a token's claims when a known key signed it; <see langword="null"/> when it is malformed or
    /// its signature matches no key.</summary>
    public PayLinkClaims? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var dot = token.LastIndexOf('.');
        if (dot <= Prefix.Length)
        {
            return null;
        }

        var signed = token[..dot];
        Span<byte> given = stackalloc byte[64];
        if (!Base64Url.IsValid(token.AsSpan(dot + 1))
            || Base64Url.DecodeFromChars(token.AsSpan(dot + 1), given, out _, out var givenLength) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        // Only the canonical encoding is accepted: spare bits in the last character would otherwise let an altered
        // token verify.
        if (!token.AsSpan(dot + 1).SequenceEqual(Base64Url.EncodeToString(given[..givenLength])))
        {
            return null;
        }

        var signedBytes = Encoding.ASCII.GetBytes(signed);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var authentic = false;
        foreach (var key in _verificationKeys)
        {
            HMACSHA256.HashData(key, signedBytes, expected);
            authentic |= CryptographicOperations.FixedTimeEquals(expected, given[..givenLength]);
        }

        return authentic ? ParseClaims(signed[Prefix.Length..]) : null;
    }

    private static PayLinkClaims? ParseClaims(string encoded)
    {
        if (!Base64Url.IsValid(encoded))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded)).Split('\n');
        if (parts.Length != 5
            || !TenantId.TryFrom(parts[1], out var tenant)
            || !InvoiceId.TryFrom(parts[2], out var invoice)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var issued)
            || !long.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return new PayLinkClaims(parts[0], tenant, invoice, Instant.FromUnixTimeTicks(issued), Instant.FromUnixTimeTicks(expires));
    }
}
