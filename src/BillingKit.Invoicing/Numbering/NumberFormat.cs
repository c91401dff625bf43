using System.Globalization;
using System.Text;
using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>
/// A document number format such as <c>INV-{yyyy}-{seq:00000}</c>. Tokens: <c>{yyyy}</c>, <c>{yy}</c>, <c>{MM}</c>
/// (from the document date) and exactly one <c>{seq}</c> or <c>{seq:000…}</c> (the sequence, zero-padded to the
/// number of zeros). Text outside braces is copied as is.
/// </summary>
/// <remarks>The series is the format with its date tokens filled in, so a format with <c>{yyyy}</c> numbers each year
/// from 1 and one without numbers forever. Sequences are per tenant and per series.</remarks>
internal sealed class NumberFormat
{
    private readonly List<(string? Literal, string? Token)> _parts;

    private NumberFormat(string pattern, List<(string? Literal, string? Token)> parts)
    {
        Pattern = pattern;
        _parts = parts;
    }

    public string Pattern { get; }

    public static bool TryParse(string? pattern, out NumberFormat? format, out string error)
    {
        format = null;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            error = "A number format must not be empty; for example \"INV-{yyyy}-{seq:00000}\".";
            return false;
        }

        var parts = new List<(string? Literal, string? Token)>();
        var sequences = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add((pattern[i..], null));
                break;
            }

            if (open > i)
            {
                parts.Add((pattern[i..open], null));
            }

            var close = pattern.IndexOf('}', open);
            if (close < 0)
            {
                error = $"The number format \"{pattern}\" has a '{{' without a closing '}}'.";
                return false;
            }

            var token = pattern[(open + 1)..close];
            var isSequence = string.Equals(token, "seq", StringComparison.Ordinal)
                || (token.StartsWith("seq:", StringComparison.Ordinal) && token.Length > 4 && token[4..].All(c => c == '0') && token.Length <= 4 + 18);
            if (isSequence)
            {
                sequences++;
            }
            else if (token is not ("yyyy" or "yy" or "MM"))
            {
                error = $"The number format \"{pattern}\" has an unknown token {{{token}}}; expected {{yyyy}}, {{yy}}, {{MM}} or {{seq[:000…]}}.";
                return false;
            }

            parts.Add((null, token));
            i = close + 1;
        }

        if (sequences != 1)
        {
            error = $"The number format \"{pattern}\" must contain exactly one {{seq}} or {{seq:00000}} token; it has {sequences}.";
            return false;
        }

        format = new NumberFormat(pattern, parts);
        error = string.Empty;
        return true;
    }

    public static NumberFormat Parse(string pattern) =>
        TryParse(pattern, out var format, out var error) ? format! : throw new ArgumentException(error, nameof(pattern));

    /// <summary>Gets the series a document dated <paramref name="date"/> is numbered in.</summary>
    public string Series(LocalDate date) => Render(date, null);

    public string Format(LocalDate date, long sequence) => Render(date, sequence);

    private string Render(LocalDate date, long? sequence)
    {
        var text = new StringBuilder(Pattern.Length + 8);
        foreach (var (literal, token) in _parts)
        {
            if (literal is not null)
            {
                text.Append(literal);
                continue;
            }

            switch (token)
            {
                case "yyyy":
                    text.Append(date.Year.ToString("0000", CultureInfo.InvariantCulture));
                    break;
                case "yy":
                    text.Append((date.Year % 100).ToString("00", CultureInfo.InvariantCulture));
                    break;
                case "MM":
                    text.Append(date.Month.ToString("00", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (sequence is { } value)
                    {
                        var padding = token!.Length > 4 ? token[4..] : "0";
                        text.Append(value.ToString(padding, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append("{seq}");
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
