using System.Globalization;
using System.Text;

namespace BillingKit.Ledger;

internal static class Fingerprint
{
    public static string Of(string operation, params ReadOnlySpan<object?> parts)
    {
        var builder = new StringBuilder(operation);
        foreach (var part in parts)
        {
            builder.Append('|');
            switch (part)
            {
                case null:
                    builder.Append('\u2205');
                    break;
                case IEnumerable<LedgerTransactionId> ids:
                    builder.AppendJoin(',', ids.Select(i => i.Value));
                    break;
                default:
                    builder.Append(Convert.ToString(part, CultureInfo.InvariantCulture));
                    break;
            }
        }

        return builder.ToString();
    }
}
