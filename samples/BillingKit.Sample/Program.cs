using System.Globalization;
using BillingKit;

var price = Money.FromMajor(89.00m, Currency.USD);
var parts = price.Allocate(3);
Console.WriteLine($"BillingKit sample: {price} split three ways is {string.Join(" + ", parts.Select(p => p.ToString()))}.");
Console.WriteLine($"Displayed for en-US: {price.ToDisplayString(CultureInfo.GetCultureInfo("en-US"))}");
