using BillingKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>
/// Pay links: a signed, expiring, revocable token per invoice that the host puts in its payment page's address.
/// The desk issues, re-issues and revokes them (each writes one audit record); the host's payment page verifies them
/// with <see cref="VerifyAsync"/>.
/// </summary>
/// <remarks>
/// <para>Tokens are HMAC-SHA256 signed with <see cref="PayLinkOptions.SigningKey"/> and compared in constant time;
/// neither keys nor tokens are logged or audited (the audit record names the link id). A link is for one invoice;
/// whether the invoice is still open is for the payment page to check with the invoicing context.</para>
/// <para>Thread-safe; registered as a singleton.</para>
/// </remarks>
public sealed class PayLinkDesk
{
    private static readonly DeskAction Issue = new("pay-link.issue", DeskPermission.ManagePayLinks);
    private static readonly DeskAction Reissue = new("pay-link.reissue", DeskPermission.ManagePayLinks);
    private static readonly DeskAction Revoke = new("pay-link.revoke", DeskPermission.ManagePayLinks);

    private readonly DeskActionRunner _runner;
    private readonly IPayLinkRevocationStore _revocations;
    private readonly IClock _clock;
    private readonly ILogger<PayLinkDesk> _logger;
    private readonly PayLinkOptions _options;
    private readonly Lazy<PayLinkSigner> _signer;

    internal PayLinkDesk(
        DeskActionRunner runner,
        IPayLinkRevocationStore revocations,
        IClock clock,
        IOptions<BillingDeskOptions> options,
        ILogger<PayLinkDesk> logger)
    {
        _runner = runner;
        _revocations = revocations;
        _clock = clock;
        _logger = logger;
        _options = options.Value.PayLinks;
        _signer = new Lazy<PayLinkSigner>(() => PayLinkSigner.FromOptions(_options));
    }

    /// <summary>Issues a pay link for an invoice. Writes one audit record <c>pay-link.issue</c> whose target is the
    /// link id.</summary>
    /// <param name="request">Who issues it, for which tenant, and why; needs <see cref="DeskPermission.ManagePayLinks"/>.</param>
    /// <param name="invoice">The invoice to pay.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link, valid for <see cref="PayLinkOptions.Lifetime"/>.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links.</exception>
    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    [DeskAction("pay-link.issue", DeskPermission.ManagePayLinks)]
    public Task<PayLink> IssueAsync(DeskRequest request, InvoiceId invoice, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Issue, request, (scope, _) => ValueTask.FromResult(Sign(scope, invoice)), cancellationToken);

    /// <summary>Issues a pay link inside the caller's unit of work (which the caller commits).</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who issues it, for which tenant, and why.</param>
    /// <param name="invoice">The invoice to pay.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The link.</returns>
    /// <exception cref="ArgumentException">The unit is for another tenant.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links.</exception>
    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    [DeskAction("pay-link.issue", DeskPermission.ManagePayLinks)]
    public Task<PayLink> IssueAsync(ITenantUnitOfWork unit, DeskRequest request, InvoiceId invoice, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Issue, request, (scope, _) => ValueTask.FromResult(Sign(scope, invoice)), cancellationToken);

    /// <summary>Issues a new link in place of an expired one, for the same invoice: for a customer whose link has
    /// expired (the host calls it with <see cref="Actor.System"/>) or for staff. Writes one audit record
    /// <c>pay-link.reissue</c>.</summary>
    /// <param name="request">Who asks, for which tenant, and why; needs <see cref="DeskPermission.ManagePayLinks"/>.</param>
    /// <param name="expiredToken">The expired link's token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new link.</returns>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links.</exception>
    /// <exception cref="PayLinkNotReissuableException">The old link is valid, revoked, tampered or another tenant's.</exception>
    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    [DeskAction("pay-link.reissue", DeskPermission.ManagePayLinks)]
    public Task<PayLink> ReissueAsync(DeskRequest request, string expiredToken, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Reissue, request, (scope, ct) => ReissueCoreAsync(scope, expiredToken, ct), cancellationToken);

    /// <summary>Revokes a link: it verifies as <see cref="PayLinkStatus.Revoked"/> from then on and cannot be
    /// re-issued. Revoking twice is harmless. Writes one audit record <c>pay-link.revoke</c>.</summary>
    /// <param name="request">Who revokes it, for which tenant, and why; needs <see cref="DeskPermission.ManagePayLinks"/>.</param>
    /// <param name="linkId">The link's id (<see cref="PayLinkClaims.LinkId"/>, also the target of its issue record).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the revocation is committed.</returns>
    /// <exception cref="ArgumentException"><paramref name="linkId"/> is empty.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links.</exception>
    [DeskAction("pay-link.revoke", DeskPermission.ManagePayLinks)]
    public Task RevokeAsync(DeskRequest request, string linkId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(Revoke, request, (scope, ct) => RevokeCoreAsync(scope, linkId, ct), cancellationToken);

    /// <summary>Revokes a link inside the caller's unit of work (for example when its invoice is paid or voided).</summary>
    /// <param name="unit">The caller's unit of work for the request's tenant.</param>
    /// <param name="request">Who revokes it, for which tenant, and why.</param>
    /// <param name="linkId">The link's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the revocation is staged.</returns>
    /// <exception cref="ArgumentException">The unit is for another tenant, or <paramref name="linkId"/> is empty.</exception>
    /// <exception cref="PermissionDeniedException">The actor may not manage pay links.</exception>
    [DeskAction("pay-link.revoke", DeskPermission.ManagePayLinks)]
    public Task RevokeAsync(ITenantUnitOfWork unit, DeskRequest request, string linkId, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(unit, Revoke, request, (scope, ct) => RevokeCoreAsync(scope, linkId, ct), cancellationToken);

    /// <summary>Verifies a token from the payment page's address. Anonymous: the token is the credential.</summary>
    /// <param name="token">The token; anything at all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Valid, expired, revoked or tampered, with the claims when authentic.</returns>
    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    public async Task<PayLinkVerification> VerifyAsync(string? token, CancellationToken cancellationToken = default)
    {
        var claims = _signer.Value.Read(token);
        PayLinkStatus status;
        if (claims is null)
        {
            status = PayLinkStatus.Tampered;
        }
        else if (await _revocations.IsRevokedAsync(claims.Tenant, claims.LinkId, cancellationToken).ConfigureAwait(false))
        {
            status = PayLinkStatus.Revoked;
        }
        else
        {
            status = PayLinks.StatusAt(claims, _clock.GetCurrentInstant());
        }

        BillingKitTelemetry.PayLinkVerification(status);
        if (status != PayLinkStatus.Valid)
        {
            DeskLog.PayLinkRejected(_logger, status);
        }

        return new PayLinkVerification(status, claims);
    }

    private PayLink Sign(DeskActionScope scope, InvoiceId invoice)
    {
        if (string.IsNullOrEmpty(invoice.Value))
        {
            throw new ArgumentException("A pay link needs an invoice; default(InvoiceId) is not one.", nameof(invoice));
        }

        var claims = PayLinks.NewClaims(scope.Request.Tenant, invoice, scope.Now, Duration.FromTimeSpan(_options.Lifetime));
        var link = new PayLink(claims, _signer.Value.Sign(claims));
        scope.Target = claims.LinkId;
        scope.Details["invoice"] = invoice.Value;
        scope.Details["expires_at"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(claims.ExpiresAt);
        DeskLog.PayLinkIssued(_logger, claims.LinkId, invoice, claims.Tenant, claims.ExpiresAt);
        return link;
    }

    private async ValueTask<PayLink> ReissueCoreAsync(DeskActionScope scope, string expiredToken, CancellationToken cancellationToken)
    {
        var verification = await VerifyAsync(expiredToken, cancellationToken).ConfigureAwait(false);
        if (verification.Status != PayLinkStatus.Expired || verification.Claims is null)
        {
            throw new PayLinkNotReissuableException(verification.Status, $"the old link is {verification.Status}");
        }

        if (verification.Claims.Tenant != scope.Request.Tenant)
        {
            throw new PayLinkNotReissuableException(verification.Status, "the old link belongs to another tenant");
        }

        var link = Sign(scope, verification.Claims.Invoice);
        scope.Details["replaces"] = verification.Claims.LinkId;
        return link;
    }

    private async ValueTask<bool> RevokeCoreAsync(DeskActionScope scope, string linkId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        await _revocations.RevokeAsync(scope.Unit, linkId, scope.Now, cancellationToken).ConfigureAwait(false);
        scope.Target = linkId;
        return true;
    }
}
