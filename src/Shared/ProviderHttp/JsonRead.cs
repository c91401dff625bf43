using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace BillingKit.Providers.Http;

/// <summary>Tolerant readers for provider JSON: ids arrive as numbers or strings, optional fields as null or absent.</summary>
internal static class JsonRead
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined
            ? child
            : null;

    public static string? Text(this JsonElement element, string name) => element.Child(name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static long? Int64(this JsonElement element, string name) => element.Child(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var value) => value,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    /// <summary>A JSON number read exactly as a decimal (never through binary floating point).</summary>
    public static decimal? Decimal(this JsonElement element, string name) => element.Child(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetDecimal(out var value) => value,
        { ValueKind: JsonValueKind.String } s when decimal.TryParse(s.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    public static bool Flag(this JsonElement element, string name) => element.Child(name) is { ValueKind: JsonValueKind.True };

    public static Instant? Time(this JsonElement element, string name)
    {
        var text = element.Text(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset)
            ? Instant.FromDateTimeOffset(offset)
            : null;
    }
}
