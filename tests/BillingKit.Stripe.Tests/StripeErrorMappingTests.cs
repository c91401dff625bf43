using System.Net;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;

namespace BillingKit.Stripe.Tests;

/// <summary>Stripe's error object mapped onto ProviderException (bodies as documented for API 2023-08-16).</summary>
public class StripeErrorMappingTests
{
    private static SavedPaymentMethodCharge Charge() =>
        new(PaymentId.From("pay_1"), Money.FromMinorUnits(2500, Currency.USD), "cus_1", "pm_1", IdempotencyKey.From("inv_1:2"));

    private static async Task<ProviderException> Fails(HttpStatusCode status, string body, params (string, string)[] headers)
    {
        var harness = new StripeHarness(o => o.MaxRetries = 0);
        harness.Handler.Respond(status, body, headers);
        return await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.ChargeSavedPaymentMethodAsync(Charge()));
    }

    [Theory]
    [InlineData("insufficient_funds")]
    [InlineData("do_not_honor")]
    public async Task Card_declined_carries_its_decline_code_and_is_not_transient(string declineCode)
    {
        var ex = await Fails(
            HttpStatusCode.PaymentRequired,
            """{"error":{"type":"card_error","code":"card_declined","decline_code":"DECLINE","message":"Your card was declined.","payment_intent":{"id":"pi_declined","object":"payment_intent"}}}""".Replace("DECLINE", declineCode, StringComparison.Ordinal));

        Assert.Equal(ProviderErrorKind.Declined, ex.Kind);
        Assert.Equal("card_declined", ex.Code);
        Assert.Equal(declineCode, ex.DeclineCode);
        Assert.False(ex.IsTransient);
        Assert.Equal(402, ex.HttpStatus);
        Assert.Equal(ProviderName.Stripe, ex.Provider);
        Assert.Equal("pi_declined", ex.ProviderPaymentId);
        Assert.Equal("default", ex.Account);
        Assert.Contains(declineCode, ex.Message);
    }

    [Fact]
    public async Task Expired_card_is_a_decline_without_a_decline_code()
    {
        var ex = await Fails(HttpStatusCode.PaymentRequired, """{"error":{"type":"card_error","code":"expired_card","message":"Your card has expired.","param":"exp_month"}}""");

        Assert.Equal(ProviderErrorKind.Declined, ex.Kind);
        Assert.Equal("expired_card", ex.Code);
        Assert.Null(ex.DeclineCode);
    }

    [Fact]
    public async Task Authentication_required_off_session_says_the_customer_must_act()
    {
        var ex = await Fails(HttpStatusCode.PaymentRequired, """{"error":{"type":"card_error","code":"authentication_required","decline_code":"authentication_required","message":"This payment requires authentication."}}""");

        Assert.Equal(ProviderErrorKind.AuthenticationRequired, ex.Kind);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task Rate_limit_is_transient()
    {
        var ex = await Fails(HttpStatusCode.TooManyRequests, """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}""");

        Assert.Equal(ProviderErrorKind.RateLimited, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        var ex = await Fails(HttpStatusCode.NotFound, """{"error":{"type":"invalid_request_error","code":"resource_missing","param":"id","message":"No such payment_intent: 'pi_nope'"}}""");

        Assert.Equal(ProviderErrorKind.NotFound, ex.Kind);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task A_bad_key_is_unauthorized_and_the_message_never_contains_it()
    {
        var ex = await Fails(HttpStatusCode.Unauthorized, """{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****0000"}}""");

        Assert.Equal(ProviderErrorKind.Unauthorized, ex.Kind);
        Assert.DoesNotContain(StripeHarness.TestKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_other_parameters_is_a_permanent_conflict()
    {
        var ex = await Fails(HttpStatusCode.BadRequest, """{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}""");

        Assert.Equal(ProviderErrorKind.Conflict, ex.Kind);
        Assert.False(ex.IsTransient);
        Assert.Equal("idempotency_error", ex.Code);
    }

    [Fact]
    public async Task A_body_that_is_not_Stripes_error_object_maps_on_the_status()
    {
        var ex = await Fails(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Equal(ProviderErrorKind.ProviderUnavailable, ex.Kind);
        Assert.Equal("http_502", ex.Code);
        Assert.True(ex.IsTransient);
    }
}
