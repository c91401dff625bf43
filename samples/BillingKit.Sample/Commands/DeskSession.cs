using System.Globalization;
using BillingKit.Sample.Hosting;
using BillingKit.Sample.Seeding;
using Spectre.Console;

namespace BillingKit.Sample.Commands;

/// <summary>One command's world: the seeded BillingKit host, the console to write to, and the operator acting.</summary>
internal sealed class DeskSession(SampleHost host, IAnsiConsole console, Actor @operator)
{
    public SampleHost Host => host;

    public IAnsiConsole Console => console;

    public Actor Operator => @operator;

    /// <summary>Finds a seeded tenant by id, or explains which tenants exist.</summary>
    public static SampleTenant Tenant(string id)
    {
        if (SampleCatalog.TryFind(id, out var tenant))
        {
            return tenant;
        }

        var known = string.Join(", ", SampleCatalog.Tenants.Select(t => t.Id.Value));
        throw new SampleInputException($"Unknown tenant '{id}'. The sample's tenants are: {known}.");
    }

    /// <summary>Turns a positive amount in major units into money in the tenant's currency.</summary>
    public static Money Amount(decimal amount, Currency currency)
    {
        if (amount <= 0m)
        {
            throw new SampleInputException(string.Create(CultureInfo.InvariantCulture,
                $"The amount must be positive, in {currency.Code} (for example 25.00); got {amount}."));
        }

        try
        {
            return Money.FromMajor(amount, currency);
        }
        catch (AmountPrecisionException)
        {
            throw new SampleInputException(string.Create(CultureInfo.InvariantCulture,
                $"{currency.Code} has {currency.MinorDigits} decimal places; {amount} has more."));
        }
    }
}
