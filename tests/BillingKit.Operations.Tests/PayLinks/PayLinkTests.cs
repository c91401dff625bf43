using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BillingKit.Operations.Tests.PayLinks;

public class PayLinkTests
{
    private static readonly InvoiceId Invoice = InvoiceId.From("inv_1001");

    private static Task<PayLink> IssueAsync(DeskFixture desk) =>
        desk.Get<PayLinkDesk>().IssueAsync(DeskFixture.Request(DeskFixture.Finance, "Invoice 1001 sent to the customer"), Invoice);

    [Fact]
    public async Task Finance_issues_a_link_that_the_payment_page_verifies_and_the_audit_log_names_by_id()
    {
        await using var desk = DeskFixture.Create();

        var link = await IssueAsync(desk);
        var verification = await desk.Get<PayLinkDesk>().VerifyAsync(link.Token);

        Assert.True(verification.IsValid);
        Assert.Equal(link.Claims, verification.Claims);
        Assert.Equal((DeskFixture.Tenant, Invoice), (link.Claims.Tenant, link.Claims.Invoice));
        Assert.Equal(desk.Clock.Now + Duration.FromDays(7), link.Claims.ExpiresAt);
        var record = Assert.Single(await desk.AuditRecordsAsync());
        Assert.Equal(("pay-link.issue", link.Claims.LinkId, "inv_1001"), (record.Action, record.Target, record.Details["invoice"]));
        Assert.DoesNotContain(record.Details.Values, v => v.Contains(link.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_expires_after_its_lifetime_and_is_reissued_for_the_same_invoice()
    {
        await using var desk = DeskFixture.Create();
        var links = desk.Get<PayLinkDesk>();
        var old = await IssueAsync(desk);

        desk.Clock.Advance(Duration.FromDays(7));
        var expired = await links.VerifyAsync(old.Token);
        var fresh = await links.ReissueAsync(DeskFixture.Request(Actor.System, "Customer's pay link had expired"), old.Token);

        Assert.Equal(PayLinkStatus.Expired, expired.Status);
        Assert.Equal(Invoice, fresh.Claims.Invoice);
        Assert.NotEqual(old.Claims.LinkId, fresh.Claims.LinkId, StringComparer.Ordinal);
        Assert.True((await links.VerifyAsync(fresh.Token)).IsValid);
        var record = (await desk.AuditRecordsAsync())[^1];
        Assert.Equal(("pay-link.reissue", "billingkit", old.Claims.LinkId), (record.Action, record.ActorId, record.Details["replaces"]));
    }

    [Fact]
    public async Task A_revoked_link_stops_working_and_is_never_reissued()
    {
        await using var desk = DeskFixture.Create();
        var links = desk.Get<PayLinkDesk>();
        var link = await IssueAsync(desk);

        await links.RevokeAsync(DeskFixture.Request(DeskFixture.Finance, "Invoice voided"), link.Claims.LinkId);
        desk.Clock.Advance(Duration.FromDays(8));

        Assert.Equal(PayLinkStatus.Revoked, (await links.VerifyAsync(link.Token)).Status);
        var error = await Assert.ThrowsAsync<PayLinkNotReissuableException>(() => links.ReissueAsync(DeskFixture.Request(Actor.System, "Customer asked again"), link.Token));
        Assert.Equal(PayLinkStatus.Revoked, error.Status);
        Assert.Equal(["pay-link.issue", "pay-link.revoke"], (await desk.AuditRecordsAsync()).Select(r => r.Action), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_valid_link_or_another_tenants_link_is_not_reissued()
    {
        await using var desk = DeskFixture.Create();
        var links = desk.Get<PayLinkDesk>();
        var link = await IssueAsync(desk);

        var stillValid = await Assert.ThrowsAsync<PayLinkNotReissuableException>(() => links.ReissueAsync(DeskFixture.Request(Actor.System, "Customer asked"), link.Token));
        desk.Clock.Advance(Duration.FromDays(8));
        var otherTenant = await Assert.ThrowsAsync<PayLinkNotReissuableException>(() =>
            links.ReissueAsync(DeskFixture.Request(Actor.System, "Customer asked", DeskFixture.OtherTenant), link.Token));

        Assert.Equal(PayLinkStatus.Valid, stillValid.Status);
        Assert.Contains("another tenant", otherTenant.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-link")]
    [InlineData("pl1.")]
    [InlineData("pl1.abc.def")]
    [InlineData("pl1.!!!.???")]
    public async Task Garbage_is_tampered(string token)
    {
        await using var desk = DeskFixture.Create();
        var verification = await desk.Get<PayLinkDesk>().VerifyAsync(token);
        Assert.Equal(PayLinkStatus.Tampered, verification.Status);
        Assert.Null(verification.Claims);
    }

    [Fact]
    public async Task Any_change_to_a_link_makes_it_tampered()
    {
        await using var desk = DeskFixture.Create();
        var links = desk.Get<PayLinkDesk>();
        var token = (await IssueAsync(desk)).Token;

        for (var i = 4; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            var status = (await links.VerifyAsync(altered)).Status;
            Assert.True(status == PayLinkStatus.Tampered, $"Changing character {i} gave {status}");
        }
    }

    [Fact]
    public async Task A_link_signed_with_another_key_is_tampered_but_a_rotated_key_still_verifies()
    {
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        string token;
        await using (var before = DeskFixture.Create(o => o.PayLinks.SigningKey = otherKey))
        {
            token = (await IssueAsync(before)).Token;
        }

        await using var unrelated = DeskFixture.Create();
        await using var rotated = DeskFixture.Create(o => o.PayLinks.PreviousSigningKeys.Add(otherKey));

        Assert.Equal(PayLinkStatus.Tampered, (await unrelated.Get<PayLinkDesk>().VerifyAsync(token)).Status);
        Assert.Equal(PayLinkStatus.Valid, (await rotated.Get<PayLinkDesk>().VerifyAsync(token)).Status);
    }

    [Fact]
    public async Task Support_may_not_issue_links_and_nothing_is_written()
    {
        await using var desk = DeskFixture.Create();

        await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.Get<PayLinkDesk>().IssueAsync(DeskFixture.Request(DeskFixture.Support), Invoice));

        Assert.Empty(await desk.AuditRecordsAsync());
    }

    [Fact]
    public async Task Tokens_and_keys_stay_out_of_logs_and_ToString()
    {
        await using var desk = DeskFixture.Create();
        var link = await IssueAsync(desk);
        await desk.Get<PayLinkDesk>().VerifyAsync(link.Token + "x");

        Assert.DoesNotContain(link.Token, link.ToString(), StringComparison.Ordinal);
        Assert.Contains("hidden", link.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DeskFixture.SigningKey, desk.Get<IOptions<BillingDeskOptions>>().Value.PayLinks.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(desk.Logs.Entries);
        Assert.All(desk.Logs.Entries, e =>
        {
            Assert.DoesNotContain(link.Token, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(DeskFixture.SigningKey, e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_a_signing_key_pay_links_say_how_to_turn_them_on()
    {
        await using var desk = DeskFixture.Create(o => o.PayLinks.SigningKey = null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => desk.Get<PayLinkDesk>().VerifyAsync("pl1.x.y"));

        Assert.Contains("PayLinks.SigningKey", error.Message, StringComparison.Ordinal);
    }
}
