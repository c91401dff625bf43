using BillingKit.TestUtilities.Providers;
using System.Net;
using BillingKit.Providers;
using BillingKit.Stripe.Tests.Infrastructure;

namespace BillingKit.Stripe.Tests;

/// <summary>Retries with backoff on 429, 409, 5xx and network errors, honouring Stripe-Should-Retry, with the same
/// idempotency key on every attempt.</summary>
public class StripeApiClientTests
{
    private static readonly StripeContract Contract = StripeContract.Instance;
    private const string RateLimited = """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests hit the API too quickly."}}""";
    private const string ApiError = """{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}""";

    private static RefundRequest Refund() => new("pi_123", IdempotencyKey.From("refund:re_42")) { Amount = Money.FromMinorUnits(100, Currency.USD) };

    [Fact]
    public async Task A_429_then_200_is_retried_and_succeeds_with_one_refund()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.TooManyRequests, RateLimited)
            .Respond(HttpStatusCode.OK, Contract.FixtureJson("refund"));

        var refund = await harness.Provider.RefundAsync(Refund());

        Assert.Equal("re_1NlHWEFTSgX8ss0HovQ0l174", refund.ProviderRefundId);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task The_idempotency_key_is_identical_across_retries_and_derived_from_our_id()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.InternalServerError, ApiError)
            .Throw(new HttpRequestException("connection reset"))
            .Respond(HttpStatusCode.TooManyRequests, RateLimited)
            .Respond(HttpStatusCode.OK, Contract.FixtureJson("refund"));

        await harness.Provider.RefundAsync(Refund());

        var keys = harness.Handler.Requests.Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(4, keys.Count);
        Assert.All(keys, k => Assert.Equal("refund:refund:re_42", k));
        Assert.All(harness.Handler.Requests, r => Assert.Equal(harness.Handler.Requests[0].Body, r.Body));
    }

    [Fact]
    public async Task Stripe_should_retry_false_is_not_retried_even_on_a_500()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.InternalServerError, ApiError, ("Stripe-Should-Retry", "false"));

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(Refund()));

        Assert.Single(harness.Handler.Requests);
        Assert.False(ex.IsTransient);
        Assert.Equal(500, ex.HttpStatus);
    }

    [Fact]
    public async Task Stripe_should_retry_true_forces_a_retry_of_a_400()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.BadRequest, """{"error":{"type":"invalid_request_error","code":"lock_timeout","message":"locked"}}""", ("Stripe-Should-Retry", "true"))
            .Respond(HttpStatusCode.OK, Contract.FixtureJson("refund"));

        await harness.Provider.RefundAsync(Refund());

        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.BadRequest, """{"error":{"type":"invalid_request_error","code":"charge_already_refunded","message":"Charge ch_1 has already been refunded."}}""");

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(Refund()));

        Assert.Single(harness.Handler.Requests);
        Assert.Equal("charge_already_refunded", ex.Code);
        Assert.Equal(ProviderErrorKind.InvalidRequest, ex.Kind);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_count_and_report_a_transient_error()
    {
        var harness = new StripeHarness(o => o.MaxRetries = 2);
        harness.Handler.Fallback = _ => StubHttpHandler.Json(HttpStatusCode.ServiceUnavailable, ApiError);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(Refund()));

        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.True(ex.IsTransient);
        Assert.Equal(ProviderErrorKind.ProviderUnavailable, ex.Kind);
        Assert.Equal("req_test123", ex.RequestId);
    }

    [Fact]
    public async Task Network_errors_are_retried_and_then_reported_as_an_unknown_outcome()
    {
        var harness = new StripeHarness(o => o.MaxRetries = 1);
        harness.Handler.Fallback = _ => throw new HttpRequestException("no route to host");

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(Refund()));

        Assert.Equal(2, harness.Handler.Requests.Count);
        Assert.Equal(ProviderErrorKind.Network, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.Null(ex.HttpStatus);
        Assert.Contains("reconcile", ex.Message);
    }

    [Fact]
    public async Task With_no_retries_configured_one_attempt_is_made()
    {
        var harness = new StripeHarness(o => o.MaxRetries = 0);
        harness.Handler.Respond(HttpStatusCode.TooManyRequests, RateLimited);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(Refund()));

        Assert.Single(harness.Handler.Requests);
        Assert.Equal(ProviderErrorKind.RateLimited, ex.Kind);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task A_cancelled_call_is_not_retried_and_surfaces_as_cancellation()
    {
        var harness = new StripeHarness();
        using var cts = new CancellationTokenSource();
        harness.Handler.Fallback = _ =>
        {
            cts.Cancel();
            throw new TaskCanceledException();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Provider.RefundAsync(Refund(), cts.Token));

        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Every_request_carries_the_pinned_version_and_the_bearer_key()
    {
        var harness = new StripeHarness().AnswerWithFixtures();

        await harness.Provider.GetCustomerAsync("cus_1");

        var request = Assert.Single(harness.Handler.Requests);
        Assert.Equal("2023-08-16", request.Header("Stripe-Version"));
        Assert.Equal("Bearer " + StripeHarness.TestKey, request.Header("Authorization"));
        Assert.Null(request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task An_attempt_that_times_out_is_retried_and_then_reported_as_an_unknown_outcome()
    {
        // The stub throws what HttpClient throws when the attempt's own timeout fires (the caller did not cancel).
        var harness = new StripeHarness(o => o.MaxRetries = 2);
        harness.Handler.Fallback = _ => throw new TaskCanceledException("The request was canceled due to the configured timeout.");

        var ex = await Assert.ThrowsAsync<ProviderException>(() => harness.Provider.RefundAsync(Refund()));

        Assert.Equal(3, harness.Handler.Requests.Count);
        Assert.Equal(ProviderErrorKind.Network, ex.Kind);
        Assert.Equal("timeout", ex.Code);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Retries_are_logged_without_the_key_or_the_email_searched_for()
    {
        var harness = new StripeHarness();
        harness.Handler.Respond(HttpStatusCode.TooManyRequests, RateLimited)
            .Respond(HttpStatusCode.OK, StripeHarness.List("list", "/v1/customers").ToJsonString());

        await harness.Provider.FindCustomersByEmailAsync("jenny@example.com").ToListAsync();

        var message = Assert.Single(harness.Logger.Messages);
        Assert.Contains("GET /v1/customers", message, StringComparison.Ordinal);
        Assert.Contains("429", message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test", message, StringComparison.Ordinal);
        Assert.DoesNotContain("jenny", message, StringComparison.Ordinal);
    }
}
