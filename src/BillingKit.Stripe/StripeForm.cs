using System.Globalization;
using System.Text;

namespace BillingKit.Stripe;

/// <summary>Builds Stripe's form-encoded parameters, with nested keys (<c>metadata[key]=v</c>, <c>expand[]=x</c>,
/// <c>evidence[field]=v</c>), in insertion order.</summary>
internal sealed class StripeForm
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public StripeForm Add(string key, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(key, value));
        }

        return this;
    }

    public StripeForm Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public StripeForm Add(string key, bool value) => Add(key, value ? "true" : "false");

    /// <summary>Adds <c>parent[child]=value</c>, skipping null values.</summary>
    public StripeForm AddNested(string parent, string child, string? value) => Add(parent + "[" + child + "]", value);

    /// <summary>Adds <c>expand[]=field</c> for each field.</summary>
    public StripeForm AddExpand(params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            Add("expand[]", field);
        }

        return this;
    }

    /// <summary>Adds <c>metadata[key]=value</c>, cutting values to Stripe's 500 characters.</summary>
    public StripeForm AddMetadata(string key, string? value) =>
        AddNested("metadata", key, Cut(value, 500));

    /// <summary>Adds <c>parent[metadata][key]=value</c> (metadata of an object Stripe creates later, such as
    /// <c>payment_intent_data</c>), cutting values to Stripe's 500 characters.</summary>
    public StripeForm AddMetadata(string parent, string key, string? value) =>
        Add(parent + "[metadata][" + key + "]", Cut(value, 500));

    /// <summary>Cuts a text to at most <paramref name="length"/> characters; null stays null.</summary>
    public static string? Cut(string? value, int length) => value is not null && value.Length > length ? value[..length] : value;

    /// <summary>Encodes as <c>application/x-www-form-urlencoded</c> (also usable as a query string).</summary>
    public string Encode()
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
