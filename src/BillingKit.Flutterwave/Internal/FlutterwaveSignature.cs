using System.Security.Cryptography;
using System.Text;
using BillingKit.Providers.Http;

namespace BillingKit.Flutterwave.Internal;

/// <summary>Flutterwave's two webhook verification schemes, both keyed with the "secret hash" set in the
/// dashboard (not the API secret key).</summary>
/// <remarks>
/// <para>Legacy: the <c>verif-hash</c> header carries the secret hash itself. It proves the sender knows the secret
/// but does not cover the body.</para>
/// <para>Newer: the <c>flutterwave-signature</c> header carries base64(HMAC-SHA256(raw body, secret hash)), which
/// covers the body.</para>
/// Both compare in constant time: the legacy value through SHA-256 digests of equal length, so that even the length
/// of the secret does not leak.
/// </remarks>
internal static class FlutterwaveSignature
{
    public const string LegacyHeaderName = "verif-hash";
    public const string HmacHeaderName = "flutterwave-signature";

    public static string ComputeHmac(ReadOnlySpan<byte> body, string secretHash)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretHash), body, mac);
        return Convert.ToBase64String(mac);
    }

    public static bool HmacMatches(ReadOnlySpan<byte> body, string? header, IEnumerable<string> secretHashes)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(header.Trim(), received, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        return WebhookSecrets.AnyMatches(HMACSHA256.HashData, HMACSHA256.HashSizeInBytes, body, received, secretHashes);
    }

    public static bool LegacyMatches(string? header, IEnumerable<string> secretHashes)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        Span<byte> received = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(header), received);
        return WebhookSecrets.AnyMatches((secret, _, expected) => SHA256.HashData(secret, expected), SHA256.HashSizeInBytes, [], received, secretHashes);
    }
}
