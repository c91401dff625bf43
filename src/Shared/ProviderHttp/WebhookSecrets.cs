using System.Security.Cryptography;
using System.Text;

namespace BillingKit.Providers.Http;

/// <summary>Compares a received webhook digest with the digest under each configured secret (the current one and
/// those being rotated out), in constant time per secret and without stopping at the first match.</summary>
internal static class WebhookSecrets
{
    /// <summary>A keyed digest such as <see cref="HMACSHA512.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>.</summary>
    public delegate int KeyedDigest(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination);

    public static bool AnyMatches(KeyedDigest digest, int size, ReadOnlySpan<byte> body, ReadOnlySpan<byte> received, IEnumerable<string> secrets)
    {
        Span<byte> expected = stackalloc byte[size];
        var matched = false;
        foreach (var secret in secrets)
        {
            digest(Encoding.UTF8.GetBytes(secret), body, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, received);
        }

        return matched;
    }
}
