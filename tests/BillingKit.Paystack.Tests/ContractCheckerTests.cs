using BillingKit.Paystack.Tests.Infrastructure;

namespace BillingKit.Paystack.Tests;

/// <summary>The request checker must catch what it is there to catch, or the contract tests prove nothing.</summary>
public sealed class ContractCheckerTests
{
    private static IReadOnlyList<string> Check(string method, string path, string? body = null) =>
        PaystackFixture.Spec.Check(new HttpMethod(method), new Uri("https://api.paystack.test" + path), body);

    [Fact]
    public void A_valid_request_passes() =>
        Assert.Empty(Check("POST", "/transaction/charge_authorization", """{"email": "a@b.c", "amount": 100, "authorization_code": "AUTH_1", "reference": "r"}"""));

    [Theory]
    [InlineData("POST", "/transaction/charge_authorization", """{"email": "a@b.c", "amount": 100, "authorization_code": "A", "idempotency_key": "k"}""", "not declared")]
    [InlineData("POST", "/transaction/charge_authorization", """{"email": "a@b.c", "amount": 100}""", "required field 'authorization_code'")]
    [InlineData("POST", "/transaction/charge_authorization", """{"email": "a@b.c", "amount": "100", "authorization_code": "A"}""", "expected integer")]
    [InlineData("POST", "/transaction/initialize", """{"email": "a@b.c", "amount": 100, "metadata": "{}"}""", "expected object")]
    [InlineData("POST", "/transaction/initialize", """{"amount": 100, "callback_url": "https://x.test/"}""", "required field 'email'")]
    [InlineData("POST", "/transaction/initialize", """{"email": "a@b.c", "amount": 100, "cancel_url": "https://x.test/"}""", "not declared")]
    [InlineData("POST", "/refund", """{"transaction": "r", "currency": "EUR"}""", "not one of the declared values")]
    [InlineData("GET", "/transaction/charge_authorization", null, "no GET")]
    [InlineData("GET", "/transactions/verify/r", null, "no such path")]
    [InlineData("GET", "/dispute/abc", null, "must be an integer")]
    [InlineData("GET", "/dispute?per_page=5", null, "query parameter 'per_page' is not declared")]
    public void An_invalid_request_is_caught(string method, string path, string? body, string problem) =>
        Assert.Contains(Check(method, path, body), p => p.Contains(problem, StringComparison.Ordinal));
}
