using System.CommandLine;
using System.CommandLine.Parsing;

namespace BillingKit.Sample.Commands;

/// <summary>Options every command accepts: who acts, and which store to use.</summary>
internal static class GlobalOptions
{
    public static readonly Option<BillingRole> As = new("--as")
    {
        Description = "The desk role to act as: support, finance, billing-admin or super-admin",
        DefaultValueFactory = _ => BillingRole.BillingAdmin,
        CustomParser = ParseRole,
        Recursive = true,
        HelpName = "role",
    };

    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "Use the PostgreSQL store at this connection string instead of the embedded in-memory store",
        Recursive = true,
        HelpName = "connection string",
    };

    /// <summary>The operator for a role: a named person at the desk, so the audit log reads naturally.</summary>
    public static Actor OperatorFor(BillingRole role) => role switch
    {
        BillingRole.Support => new Actor("sam.support", role, "Sam (support)"),
        BillingRole.Finance => new Actor("fatima.finance", role, "Fatima (finance)"),
        BillingRole.SuperAdmin => new Actor("sasha.superadmin", role, "Sasha (super admin)"),
        _ => new Actor("dana.billing", BillingRole.BillingAdmin, "Dana (billing admin)"),
    };

    private static BillingRole ParseRole(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        var normalized = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse<BillingRole>(normalized, ignoreCase: true, out var role)
            && role is BillingRole.Support or BillingRole.Finance or BillingRole.BillingAdmin or BillingRole.SuperAdmin)
        {
            return role;
        }

        result.AddError($"Unknown role '{text}'. Use support, finance, billing-admin or super-admin.");
        return BillingRole.Support;
    }
}
