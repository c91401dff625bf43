using NodaTime;

namespace BillingKit.Operations.Tests.Audit;

public class AuditRecordTests
{
    private static AuditRecord Record() =>
        new("aud_1", Instant.FromUtc(2026, 3, 1, 9, 0), DeskFixture.Tenant, "fin.finance", BillingRole.Finance, "refund.issue", "Charged twice", AuditOutcome.Succeeded);

    [Theory]
    [InlineData("card_number")]
    [InlineData("CardLast4")]
    [InlineData("api_key")]
    [InlineData("webhook.secret")]
    [InlineData("pay_link.token")]
    [InlineData("card.pan")]
    [InlineData("cvc")]
    [InlineData("password")]
    public void Details_that_name_secrets_or_card_data_are_refused(string key)
    {
        var error = Assert.Throws<SensitiveAuditDataException>(() => Record() with { Details = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = "x" } });
        Assert.Equal(key, error.Key);
    }

    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("4242 4242 4242 4242")]
    [InlineData("5555-5555-5555-4444")]
    public void Values_that_look_like_card_numbers_are_refused(string value) =>
        Assert.Throws<SensitiveAuditDataException>(() => Record() with { Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["note"] = value } });

    [Fact]
    public void Ordinary_facts_are_kept()
    {
        var record = Record() with
        {
            Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["policy.rule"] = "refund.technical-error", ["provider_refund"] = "re_123", ["company"] = "Acme", ["phone"] = "4242424242424241" },
        };

        Assert.Equal("refund.technical-error", record.Details["policy.rule"]);
        Assert.Equal(4, record.Details.Count);
    }

    [Fact]
    public void A_record_needs_an_actor_an_action_a_reason_and_a_tenant()
    {
        Assert.Throws<ArgumentException>(() => new AuditRecord("aud_1", Instant.MinValue, DeskFixture.Tenant, "fin", BillingRole.Finance, "refund.issue", " ", AuditOutcome.Succeeded));
        Assert.Throws<ArgumentException>(() => new AuditRecord("aud_1", Instant.MinValue, DeskFixture.Tenant, "", BillingRole.Finance, "refund.issue", "why", AuditOutcome.Succeeded));
        Assert.Throws<ArgumentException>(() => new AuditRecord("aud_1", Instant.MinValue, default, "fin", BillingRole.Finance, "refund.issue", "why", AuditOutcome.Succeeded));
        Assert.Throws<ArgumentException>(() => new AuditRecord("aud_1", Instant.MinValue, DeskFixture.Tenant, "fin", BillingRole.Finance, new string('a', 65), "why", AuditOutcome.Succeeded));
    }
}
