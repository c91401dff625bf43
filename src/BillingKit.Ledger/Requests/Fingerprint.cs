using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace BillingKit.Ledger;

/// <summary>
/// The canonical text of a request's content, compared when an idempotency key comes back: written as an
/// interpolated string <c>$"operation|{part}|{part}"</c>. A missing part is "∅", a list of charges is its ids joined by
/// commas, anything else is formatted with the invariant culture.
/// </summary>
/// <remarks>Stores keep the text with the idempotency entry, so it must never change for the same content. Parts are
/// written straight into a pooled buffer: no boxing and no intermediate strings, only the final text. Amounts and ISO
/// dates are written here in the forms their <c>ToString</c> gave when the format was fixed ("USD 1234.50",
/// "Saturday, 31 January 2026"), so that the text also stays the same if those display forms change.</remarks>
internal static class Fingerprint
{
    public static string Of(ref Handler text) => text.ToStringAndClear();

    /// <summary>Formats the parts of a fingerprint without boxing them.</summary>
    [InterpolatedStringHandler]
    internal ref struct Handler
    {
        private const string Missing = "\u2205";
        private static readonly string[] MajorFormats = ["F0", "F1", "F2", "F3", "F4"];
        private DefaultInterpolatedStringHandler _text;

        public Handler(int literalLength, int formattedCount) =>
            _text = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted(string? value) => _text.AppendLiteral(value ?? Missing);

        public void AppendFormatted<T>(T value)
            where T : struct
        {
            // The JIT keeps only the branch of T: no boxing.
            if (typeof(T) == typeof(Money))
            {
                AppendMoney(Unsafe.As<T, Money>(ref value));
            }
            else if (typeof(T) == typeof(LocalDate))
            {
                AppendDate(Unsafe.As<T, LocalDate>(ref value));
            }
            else
            {
                _text.AppendFormatted(value);
            }
        }

        public void AppendFormatted<T>(T? value)
            where T : struct
        {
            if (value.HasValue)
            {
                _text.AppendFormatted(value.GetValueOrDefault());
            }
            else
            {
                _text.AppendLiteral(Missing);
            }
        }

        public void AppendFormatted(IReadOnlyList<LedgerTransactionId>? ids)
        {
            if (ids is null)
            {
                _text.AppendLiteral(Missing);
                return;
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (i > 0)
                {
                    _text.AppendLiteral(",");
                }

                _text.AppendLiteral(ids[i].Value);
            }
        }

        public string ToStringAndClear() => _text.ToStringAndClear();

        /// <summary>Writes <see cref="Money.ToString()"/>: "USD 1234.50", the major amount with the currency's minor digits.</summary>
        private void AppendMoney(Money value)
        {
            var digits = value.Currency.MinorDigits;
            _text.AppendLiteral(value.Currency.Code);
            _text.AppendLiteral(" ");
            _text.AppendFormatted(value.ToMajor(), digits < MajorFormats.Length ? MajorFormats[digits] : "F" + digits.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Writes NodaTime's invariant default for a date, "Saturday, 31 January 2026" (<c>dddd, dd MMMM yyyy</c>).</summary>
        private void AppendDate(LocalDate date)
        {
            if (date.Calendar != CalendarSystem.Iso || date.Year < 1)
            {
                // Other calendars and years before 1 CE: NodaTime's own text (rare; this allocates).
                _text.AppendLiteral(date.ToString(null, CultureInfo.InvariantCulture));
                return;
            }

            var names = DateTimeFormatInfo.InvariantInfo;
            _text.AppendLiteral(names.GetDayName((DayOfWeek)((int)date.DayOfWeek % 7)));
            _text.AppendLiteral(", ");
            _text.AppendFormatted(date.Day, "00");
            _text.AppendLiteral(" ");
            _text.AppendLiteral(names.GetMonthName(date.Month));
            _text.AppendLiteral(" ");
            _text.AppendFormatted(date.Year, "0000");
        }
    }
}
