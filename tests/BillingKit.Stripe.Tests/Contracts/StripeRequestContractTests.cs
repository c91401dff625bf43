using BillingKit.TestUtilities.Providers;
using System.Net;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;
using NodaTime;

namespace BillingKit.Stripe.Tests.Contracts;

/// <summary>Every request the adapter can build, checked against Stripe's OpenAPI spec (API 2023-08-16): the path and
/// method exist, every form parameter (nested keys included) is declared for that operation with a value its schema
/// accepts, and required ones are present.</summary>
public class StripeRequestContractTests
{
    private static readonly Money Usd = Money.FromMinorUnits(2500, Currency.USD);

    public static TheoryData<string> Scenarios() => [.. AllScenarios.Keys];

    private static readonly Dictionary<string, Func<StripePaymentProvider, Task>> AllScenarios = new(StringComparer.Ordinal)
    {
        ["retrieve payment intent"] = p => p.GetPaymentAsync("pi_1NkX1SFTSgX8ss0HacmMe3s6"),
        ["retrieve charge"] = p => p.GetPaymentAsync("ch_1NkX1OFTSgX8ss0HccdkMl7T"),
        ["charge saved method, new payment intent"] = p => p.ChargeSavedPaymentMethodAsync(
            new SavedPaymentMethodCharge(PaymentId.From("pay_1"), Usd, "cus_1", "pm_1", IdempotencyKey.From("inv_1:attempt:2"))
            {
                Description = "Invoice INV-0001, retry 2",
                InvoiceId = InvoiceId.From("inv_1"),
            }),
        ["charge saved method, minimal"] = p => p.ChargeSavedPaymentMethodAsync(
            new SavedPaymentMethodCharge(PaymentId.From("pay_2"), Money.FromMinorUnits(500, Currency.JPY), "cus_1", "pm_1", IdempotencyKey.From("k2"))),
        ["confirm existing payment intent off-session"] = p => p.ChargeSavedPaymentMethodAsync(
            new SavedPaymentMethodCharge(PaymentId.From("pay_3"), Usd, "cus_1", "pm_1", IdempotencyKey.From("k3")) { ProviderPaymentId = "pi_123" }),
        ["full refund of a payment intent"] = p => p.RefundAsync(new RefundRequest("pi_123", IdempotencyKey.From("r1"))),
        ["partial refund of a charge with note"] = p => p.RefundAsync(new RefundRequest("ch_123", IdempotencyKey.From("r2"))
        {
            Amount = Money.FromMinorUnits(100, Currency.USD),
            Reason = RefundReason.Goodwill,
            Note = "Outage on 3 March",
            PaymentId = PaymentId.From("pay_1"),
        }),
        ["refund requested by customer"] = p => p.RefundAsync(new RefundRequest("pi_1", IdempotencyKey.From("r3")) { Reason = RefundReason.RequestedByCustomer }),
        ["refund duplicate"] = p => p.RefundAsync(new RefundRequest("pi_1", IdempotencyKey.From("r4")) { Reason = RefundReason.Duplicate }),
        ["refund fraudulent"] = p => p.RefundAsync(new RefundRequest("pi_1", IdempotencyKey.From("r5")) { Reason = RefundReason.Fraudulent }),
        ["refund service issue"] = p => p.RefundAsync(new RefundRequest("py_1", IdempotencyKey.From("r6")) { Reason = RefundReason.ServiceIssue }),
        ["refund other"] = p => p.RefundAsync(new RefundRequest("pi_1", IdempotencyKey.From("r7")) { Reason = RefundReason.Other, Note = new string('x', 600) }),
        ["retrieve customer"] = p => p.GetCustomerAsync("cus_OXcFxIWwNJmgIO"),
        ["list customers by email"] = async p => await p.FindCustomersByEmailAsync("jenny@example.com").ToListAsync(),
        ["submit dispute evidence with every field"] = p => p.SubmitDisputeEvidenceAsync(new DisputeEvidence("dp_1", IdempotencyKey.From("d1"))
        {
            AccessActivityLog = "logins 2026-01-02, 2026-01-05",
            BillingAddress = "1 Main St",
            CancellationPolicyDisclosure = "shown at checkout",
            CancellationRebuttal = "never asked to cancel",
            CustomerCommunicationFileId = "file_1",
            CustomerEmail = "jenny@example.com",
            CustomerName = "Jenny Rosen",
            CustomerPhone = "+1 555 0100",
            CustomerPurchaseIp = "203.0.113.9",
            ProductDescription = "Pro plan, monthly",
            ReceiptFileId = "file_2",
            RefundPolicyDisclosure = "terms section 4",
            RefundRefusalExplanation = "used all month",
            ServiceDate = "2026-01-01 to 2026-01-31",
            UncategorizedText = "see attached",
        }),
        ["stage dispute evidence"] = p => p.SubmitDisputeEvidenceAsync(new DisputeEvidence("dp_1", IdempotencyKey.From("d2")) { Submit = false, ProductDescription = "Pro plan" }),
        ["accept dispute"] = p => p.AcceptDisputeAsync("dp_1", IdempotencyKey.From("d3")),
        ["cancel subscription now"] = p => p.CancelSubscriptionAsync(new SubscriptionCancellation("sub_1", SubscriptionCancellationTiming.Immediately, IdempotencyKey.From("s1"))),
        ["cancel subscription at period end"] = p => p.CancelSubscriptionAsync(new SubscriptionCancellation("sub_1", SubscriptionCancellationTiming.AtPeriodEnd, IdempotencyKey.From("s2"))),
        ["resolve payment by provider id"] = p => p.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_1"), Usd) { ProviderPaymentId = "pi_1" }),
        ["resolve payment by our id (search)"] = p => p.ResolvePaymentAsync(new PaymentLookup(PaymentId.From("pay_o'brien"), Usd)),
        ["hosted checkout for an invoice, every option"] = p => p.CreateHostedCheckoutAsync(
            new HostedCheckoutRequest(PaymentId.From("pay_4"), Usd, "jenny@example.com", new Uri("https://billing.example.com/paid?invoice=inv_1"), IdempotencyKey.From("inv_1:checkout:1"))
            {
                CancelUrl = new Uri("https://billing.example.com/invoices/inv_1"),
                CustomerName = "Jenny Rosen",
                InvoiceId = InvoiceId.From("inv_1"),
                Description = "Invoice INV-2026-0042",
                ExpiresAt = Instant.FromUtc(2026, 1, 1, 2, 0),
            }),
        ["hosted checkout for a known Stripe customer"] = p => p.CreateHostedCheckoutAsync(
            new HostedCheckoutRequest(PaymentId.From("pay_5"), Money.FromMinorUnits(500, Currency.JPY), "jenny@example.com", new Uri("https://billing.example.com/paid"), IdempotencyKey.From("k5"))
            {
                ProviderCustomerId = "cus_OXcFxIWwNJmgIO",
            }),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_request_conforms_to_the_spec(string scenario)
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await AllScenarios[scenario](harness.Provider);

        Assert.NotEmpty(harness.Handler.Requests);
        foreach (var request in harness.Handler.Requests)
        {
            Assert.Empty(StripeContract.Instance.Violations(request));
        }
    }

    [Fact]
    public async Task Paging_requests_conform_and_carry_starting_after()
    {
        var harness = new StripeHarness();
        var contract = StripeContract.Instance;
        var first = contract.Fixture("customer");
        first["id"] = "cus_page1";
        var page1 = StripeHarness.List("list", "/v1/customers", first);
        page1["has_more"] = true;
        harness.Handler.Respond(HttpStatusCode.OK, page1.ToJsonString())
            .Respond(HttpStatusCode.OK, StripeHarness.List("list", "/v1/customers", contract.Fixture("customer")).ToJsonString());

        var customers = await harness.Provider.FindCustomersByEmailAsync("jenny@example.com").ToListAsync();

        Assert.Equal(new[] { "cus_page1", "cus_OXcFxIWwNJmgIO" }, customers.Select(c => c.ProviderCustomerId).ToArray());
        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Null(harness.Handler.Requests[0].Parameter("starting_after"));
        Assert.Equal("cus_page1", harness.Handler.Requests[1].Parameter("starting_after"));
        Assert.All(harness.Handler.Requests, r => Assert.Empty(contract.Violations(r)));
    }

    [Fact]
    public async Task Covers_every_operation_in_the_trimmed_spec()
    {
        var harness = new StripeHarness().AnswerWithFixtures();
        foreach (var scenario in AllScenarios.Values)
        {
            await scenario(harness.Provider);
        }

        var used = harness.Handler.Requests
            .Select(r => StripeContract.Instance.FindOperation(r.Method.Method, r.Path)?.GetProperty("operationId").GetString())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(13, used.Count);
        Assert.DoesNotContain(null, used);
    }

    [Fact]
    public void The_checker_rejects_what_the_spec_does_not_allow()
    {
        // The checker itself must be able to fail, or the tests above prove nothing.
        var contract = StripeContract.Instance;
        RecordedRequest Post(string path, string body) => new(
            HttpMethod.Post,
            new Uri("https://api.stripe.test" + path),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["Stripe-Version"] = "2023-08-16", ["Authorization"] = "Bearer sk_test_x", ["Idempotency-Key"] = "k" },
            body,
            "application/x-www-form-urlencoded");

        Assert.Empty(contract.Violations(Post("/v1/refunds", "charge=ch_1&reason=duplicate&metadata%5Ba%5D=b")));
        Assert.Contains(contract.Violations(Post("/v1/refunds", "charge=ch_1&reason=goodwill")), v => v.Contains("reason=goodwill"));
        Assert.Contains(contract.Violations(Post("/v1/refunds", "charge=ch_1&note=x")), v => v.Contains("'note' is not declared"));
        Assert.Contains(contract.Violations(Post("/v1/disputes/dp_1", "evidence%5Bphone%5D=1")), v => v.Contains("nested key"));
        Assert.Contains(contract.Violations(Post("/v1/payment_intents", "currency=usd")), v => v.Contains("'amount' is missing"));
        Assert.Contains(contract.Violations(Post("/v1/payment_intents/pi_1/confirm", "off_session=maybe")), v => v.Contains("off_session=maybe"));
        Assert.Contains(contract.Violations(Post("/v1/refund", "charge=ch_1")), v => v.Contains("no such operation"));
        Assert.Contains(contract.Violations(Post("/v1/refunds", "amount=ten")), v => v.Contains("amount=ten"));
        Assert.Contains(contract.Violations(Post("/v1/checkout/sessions", "mode=payment")), v => v.Contains("'success_url' is missing"));
        Assert.Contains(
            contract.Violations(Post("/v1/checkout/sessions", "success_url=https%3A%2F%2Fa.test%2F&line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=100&line_items%5B0%5D%5Bprice_data%5D%5Bproduct_data%5D%5Bname%5D=x")),
            v => v.Contains("'line_items[0][price_data][currency]' is missing"));
        Assert.Contains(contract.Violations(Post("/v1/checkout/sessions", "success_url=https%3A%2F%2Fa.test%2F&expires_at=tomorrow")), v => v.Contains("expires_at=tomorrow"));
        Assert.Contains(contract.Violations(Post("/v1/checkout/sessions", "success_url=https%3A%2F%2Fa.test%2F&payment_intent_data%5Bmetadata%5D%5Bk%5D=v&payment_intent_data%5Bnote%5D=x")), v => v.Contains("nested key"));
    }

    [Fact]
    public void Pins_the_api_version_of_the_spec_it_is_tested_against() =>
        Assert.Equal(StripeOptions.ApiVersion, StripeContract.Instance.ApiVersion);
}
