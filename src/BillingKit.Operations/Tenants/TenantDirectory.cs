using System.Globalization;
using BillingKit.Storage;

namespace BillingKit.Operations;

/// <summary>
/// The desk's tenant directory: register a tenant's account (name, billing e-mail, contact, plan, provider and its
/// customer id, time zone, currency, status) and change it. Each change is a desk action: it demands
/// <see cref="DeskPermission.ManageSubscriptions"/>, needs a reason, and writes one audit record in the same unit of
/// work. Looking tenants up is <see cref="DeskViews.FindCustomersAsync"/>.
/// </summary>
/// <remarks>Thread-safe; registered as a singleton.</remarks>
public sealed class TenantDirectory
{
    private static readonly DeskAction Register = new("tenant.register", DeskPermission.ManageSubscriptions);
    private static readonly DeskAction Update = new("tenant.update", DeskPermission.ManageSubscriptions);

    private readonly DeskActionRunner _runner;
    private readonly ITenantAccountStore _store;

    internal TenantDirectory(DeskActionRunner runner, ITenantAccountStore store)
    {
        _runner = runner;
        _store = store;
    }

    /// <summary>Registers a tenant's account. Writes one audit record <c>tenant.register</c> whose target is the
    /// tenant id.</summary>
    /// <param name="request">Who registers it, for which tenant, and why; needs
    /// <see cref="DeskPermission.ManageSubscriptions"/>.</param>
    /// <param name="account">The account; its <see cref="TenantAccount.Tenant"/> must be the request's tenant.
    /// <see cref="TenantAccount.RegisteredAt"/> and <see cref="TenantAccount.UpdatedAt"/> are set by the desk.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="account"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage subscriptions.</exception>
    /// <exception cref="InvalidTenantAccountException">The account is invalid, for another tenant, or already registered.</exception>
    [DeskAction("tenant.register", DeskPermission.ManageSubscriptions)]
    public Task<TenantAccount> RegisterAsync(DeskRequest request, TenantAccount account, CancellationToken cancellationToken = default) =>
        RegisterCoreAsync(null, request, account, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who registers it, for which tenant, and why; needs
    /// <see cref="DeskPermission.ManageSubscriptions"/>.</param>
    /// <param name="account">The account; its <see cref="TenantAccount.Tenant"/> must be the request's tenant.
    /// <see cref="TenantAccount.RegisteredAt"/> and <see cref="TenantAccount.UpdatedAt"/> are set by the desk.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="account"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage subscriptions.</exception>
    /// <exception cref="InvalidTenantAccountException">The account is invalid, for another tenant, or already registered.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("tenant.register", DeskPermission.ManageSubscriptions)]
    public Task<TenantAccount> RegisterAsync(ITenantUnitOfWork unit, DeskRequest request, TenantAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return RegisterCoreAsync(unit, request, account, cancellationToken);
    }

    /// <summary>Replaces a registered tenant's account with new values. Writes one audit record <c>tenant.update</c>
    /// whose details name the fields that changed (<c>changed</c>).</summary>
    /// <param name="request">Who changes it, for which tenant, and why; needs
    /// <see cref="DeskPermission.ManageSubscriptions"/>.</param>
    /// <param name="account">The new values; its tenant must be the request's tenant. Registration time is kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="account"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage subscriptions.</exception>
    /// <exception cref="InvalidTenantAccountException">The account is invalid, for another tenant, or not registered.</exception>
    [DeskAction("tenant.update", DeskPermission.ManageSubscriptions)]
    public Task<TenantAccount> UpdateAsync(DeskRequest request, TenantAccount account, CancellationToken cancellationToken = default) =>
        UpdateCoreAsync(null, request, account, cancellationToken);

    /// <summary>Does the same inside the caller's unit of work, which the caller commits: the change and its one
    /// audit record commit together with the caller's other changes.</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who changes it, for which tenant, and why; needs
    /// <see cref="DeskPermission.ManageSubscriptions"/>.</param>
    /// <param name="account">The new values; its tenant must be the request's tenant. Registration time is kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="account"/> is null.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage subscriptions.</exception>
    /// <exception cref="InvalidTenantAccountException">The account is invalid, for another tenant, or not registered.</exception>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    [DeskAction("tenant.update", DeskPermission.ManageSubscriptions)]
    public Task<TenantAccount> UpdateAsync(ITenantUnitOfWork unit, DeskRequest request, TenantAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return UpdateCoreAsync(unit, request, account, cancellationToken);
    }

    /// <summary>Reads a registered tenant's account.</summary>
    /// <param name="actor">Who asks; needs <see cref="DeskPermission.ViewBilling"/>.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account, or <see langword="null"/> when the tenant is not registered.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not view billing.</exception>
    [DeskQuery(DeskPermission.ViewBilling)]
    public async Task<TenantAccount?> GetAsync(Actor actor, TenantId tenant, CancellationToken cancellationToken = default)
    {
        DeskAuthorizer.Demand(actor, DeskPermission.ViewBilling);
        return await _store.FindAsync(tenant, cancellationToken).ConfigureAwait(false);
    }

    internal static void Validate(TenantId tenant, TenantAccount account)
    {
        if (account.Tenant != tenant)
        {
            throw new InvalidTenantAccountException(account.Tenant, $"The account is for tenant '{account.Tenant}' but the request is for '{tenant}'; they must be the same.");
        }

        RequireText(account, account.Name, "Name", required: true);
        RequireText(account, account.BillingEmail, "BillingEmail", required: true);
        RequireText(account, account.Contact, "Contact", required: false);
        RequireText(account, account.ProviderCustomerId, "ProviderCustomerId", required: false);
        var email = account.BillingEmail.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
        {
            throw new InvalidTenantAccountException(account.Tenant, $"BillingEmail '{account.BillingEmail}' is not an e-mail address; expected one such as billing@example.com.");
        }

        if (account.Currency == default)
        {
            throw new InvalidTenantAccountException(account.Tenant, "Currency is not set; expected the ISO 4217 currency the tenant is billed in, such as Currency.USD.");
        }

        if (string.IsNullOrEmpty(account.Provider.Value))
        {
            throw new InvalidTenantAccountException(account.Tenant, "Provider is not set; expected a provider such as ProviderName.Stripe, or ProviderName.Offline.");
        }

        if (account.TimeZone is null)
        {
            throw new InvalidTenantAccountException(account.Tenant, "TimeZone is null; expected a DateTimeZone such as DateTimeZoneProviders.Tzdb[\"Europe/London\"].");
        }

        if (!Enum.IsDefined(account.Status))
        {
            throw new InvalidTenantAccountException(account.Tenant, string.Create(CultureInfo.InvariantCulture, $"Status {(int)account.Status} is not defined; expected Active, Suspended or Closed."));
        }
    }

    private static void RequireText(TenantAccount account, string? value, string field, bool required)
    {
        if (value is null ? required : (string.IsNullOrWhiteSpace(value) || value.Length > TenantAccount.MaxTextLength))
        {
            throw new InvalidTenantAccountException(
                account.Tenant,
                string.Create(CultureInfo.InvariantCulture, $"{field} must be {(required ? string.Empty : "null or ")}1 to {TenantAccount.MaxTextLength} characters and not blank."));
        }
    }

    private static List<string> Changes(TenantAccount before, TenantAccount after)
    {
        var changed = new List<string>();
        Check(before.Name, after.Name, "name");
        Check(before.BillingEmail, after.BillingEmail, "billing-email");
        Check(before.Contact, after.Contact, "contact");
        Check(before.Plan, after.Plan, "plan");
        Check(before.Provider, after.Provider, "provider");
        Check(before.ProviderCustomerId, after.ProviderCustomerId, "provider-customer-id");
        Check(before.Customer, after.Customer, "customer");
        Check(before.TimeZone, after.TimeZone, "time-zone");
        Check(before.Currency, after.Currency, "currency");
        Check(before.Status, after.Status, "status");
        return changed;

        void Check<T>(T left, T right, string name)
        {
            if (!EqualityComparer<T>.Default.Equals(left, right))
            {
                changed.Add(name);
            }
        }
    }

    private Task<TenantAccount> RegisterCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, TenantAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return RunAsync(
            unit,
            Register,
            request,
            async (scope, ct) =>
            {
                Validate(scope.Request.Tenant, account);
                if (await _store.GetAsync(scope.Unit, ct).ConfigureAwait(false) is not null)
                {
                    throw new InvalidTenantAccountException(account.Tenant, $"Tenant '{account.Tenant}' is already registered; change it with UpdateAsync.");
                }

                var stored = account with { RegisteredAt = scope.Now, UpdatedAt = scope.Now };
                await _store.SaveAsync(scope.Unit, stored, ct).ConfigureAwait(false);
                scope.Target = account.Tenant.Value;
                scope.Details["provider"] = account.Provider.Value;
                scope.Details["currency"] = account.Currency.Code;
                return stored;
            },
            cancellationToken);
    }

    private Task<TenantAccount> UpdateCoreAsync(ITenantUnitOfWork? unit, DeskRequest request, TenantAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return RunAsync(
            unit,
            Update,
            request,
            async (scope, ct) =>
            {
                Validate(scope.Request.Tenant, account);
                var current = await _store.GetAsync(scope.Unit, ct).ConfigureAwait(false)
                    ?? throw new InvalidTenantAccountException(account.Tenant, $"Tenant '{account.Tenant}' is not registered; register it with RegisterAsync first.");
                var stored = account with { RegisteredAt = current.RegisteredAt, UpdatedAt = scope.Now };
                await _store.SaveAsync(scope.Unit, stored, ct).ConfigureAwait(false);
                scope.Target = account.Tenant.Value;
                var changed = Changes(current, stored);
                scope.Details["changed"] = changed.Count == 0 ? "nothing" : string.Join(",", changed);
                return stored;
            },
            cancellationToken);
    }

    private Task<T> RunAsync<T>(ITenantUnitOfWork? unit, DeskAction action, DeskRequest request, Func<DeskActionScope, CancellationToken, ValueTask<T>> body, CancellationToken cancellationToken) =>
        unit is null
            ? _runner.RunAsync(action, request, body, cancellationToken)
            : _runner.RunAsync(unit, action, request, body, cancellationToken);
}
