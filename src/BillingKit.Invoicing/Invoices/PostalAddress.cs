namespace BillingKit.Invoicing;

/// <summary>A postal address as printed on an invoice.</summary>
/// <param name="Line1">The first address line (street and number); not empty.</param>
/// <param name="Line2">An optional second line (suite, building).</param>
/// <param name="City">The city or town; not empty.</param>
/// <param name="Region">The state, province or county, if the country uses one.</param>
/// <param name="PostalCode">The postal code, if the country uses one.</param>
/// <param name="CountryCode">The ISO 3166-1 alpha-2 country code, such as "US" or "NG".</param>
public sealed record PostalAddress(
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string? PostalCode,
    string CountryCode)
{
    /// <summary>Gets the address as printed lines, skipping the empty parts.</summary>
    /// <returns>The lines, top to bottom: street lines, then "City Region PostalCode", then the country code.</returns>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>(4) { Line1 };
        if (!string.IsNullOrWhiteSpace(Line2))
        {
            lines.Add(Line2);
        }

        var locality = string.Join(' ', new[] { City, Region, PostalCode }.Where(part => !string.IsNullOrWhiteSpace(part)));
        lines.Add(locality);
        lines.Add(CountryCode);
        return lines;
    }
}
