using System.Reflection;
using NodaTime;

namespace BillingKit.Operations.Tests;

/// <summary>
/// Makes the arguments of a desk action for the harness: defaults by type, and arrangements by action and
/// parameter name for arguments that need state first (a pending approval to reject, an expired link to re-issue).
/// Arrangements may write audit records of their own; the harness does not count them.
/// </summary>
public sealed class DeskArguments
{
    private readonly Dictionary<(string Action, string Parameter), Func<DeskFixture, Task<object?>>> _arrangements = [];

    /// <summary>The arrangements for the desk's actions so far; later desk services add theirs here.</summary>
    public static DeskArguments ForTheDesk() => new DeskArguments()
        .Arrange("credit-approval.reject", "approvalId", async desk =>
        {
            var pending = await desk.RunAsync("credit.issue", DeskPermission.IssueCredit, DeskFixture.Request(DeskFixture.OtherFinance, "Goodwill for the outage"), (scope, ct) =>
                desk.Get<CreditApprovals>().SubmitAsync(scope, Money.FromMajor(500m, Currency.USD), "goodwill", null, ct));
            return pending.Id;
        })
        .Arrange("pay-link.reissue", "expiredToken", async desk =>
        {
            var link = await desk.Get<PayLinkDesk>().IssueAsync(DeskFixture.Request(DeskFixture.Finance, "Invoice sent"), InvoiceId.From("inv_1001"));
            desk.Clock.Advance(Duration.FromDays(8));
            return link.Token;
        })
        .Arrange("pay-link.revoke", "linkId", async desk =>
        {
            var link = await desk.Get<PayLinkDesk>().IssueAsync(DeskFixture.Request(DeskFixture.Finance, "Invoice sent"), InvoiceId.From("inv_1001"));
            return link.Claims.LinkId;
        });

    public DeskArguments Arrange(string action, string parameter, Func<DeskFixture, Task<object?>> arrange)
    {
        _arrangements[(action, parameter)] = arrange;
        return this;
    }

    public async Task<IReadOnlyDictionary<string, object?>> BuildAsync(string action, MethodInfo method, DeskFixture desk)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in method.GetParameters())
        {
            var name = parameter.Name!;
            if (_arrangements.TryGetValue((action, name), out var arrange))
            {
                values[name] = await arrange(desk);
            }
            else if (Default(parameter.ParameterType) is { } value)
            {
                values[name] = value;
            }
            else if (parameter.ParameterType != typeof(DeskRequest)
                && parameter.ParameterType != typeof(Storage.ITenantUnitOfWork)
                && parameter.ParameterType != typeof(CancellationToken))
            {
                throw new InvalidOperationException(
                    $"The harness cannot make '{name}' ({parameter.ParameterType.Name}) for {action}; add an arrangement in DeskArguments.ForTheDesk().");
            }
        }

        return values;
    }

    private static object? Default(Type type) => type switch
    {
        _ when type == typeof(InvoiceId) => InvoiceId.From("inv_1001"),
        _ when type == typeof(PaymentId) => PaymentId.From("pay_2001"),
        _ when type == typeof(CustomerId) => CustomerId.From("cus_3001"),
        _ when type == typeof(Money) => Money.FromMajor(25m, Currency.USD),
        _ when type == typeof(TenantId) => DeskFixture.Tenant,
        _ => null,
    };
}
