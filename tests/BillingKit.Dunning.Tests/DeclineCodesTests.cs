namespace BillingKit.Dunning.Tests;

public class DeclineCodesTests
{
    [Theory]
    [InlineData("insufficient_funds", DeclineCategory.RetryLater, false, DunningTemplates.TopUpFunds)]
    [InlineData("do_not_honor", DeclineCategory.ContactBank, false, DunningTemplates.ContactBank)]
    [InlineData("expired_card", DeclineCategory.UpdatePaymentMethod, true, DunningTemplates.UpdatePaymentMethod)]
    [InlineData("processing_error", DeclineCategory.RetrySoon, false, DunningTemplates.PaymentFailed)]
    [InlineData("fraudulent", DeclineCategory.Stop, true, DunningTemplates.PaymentMethodRefused)]
    [InlineData("stolen_card", DeclineCategory.Stop, true, DunningTemplates.PaymentMethodRefused)]
    [InlineData("lost_card", DeclineCategory.Stop, true, DunningTemplates.PaymentMethodRefused)]
    [InlineData("incorrect_number", DeclineCategory.UpdatePaymentMethod, true, DunningTemplates.UpdatePaymentMethod)]
    [InlineData("authentication_required", DeclineCategory.UpdatePaymentMethod, true, DunningTemplates.AuthenticationRequired)]
    [InlineData("do_not_try_again", DeclineCategory.ContactBank, true, DunningTemplates.ContactBank)]
    [InlineData("generic_decline", DeclineCategory.RetryLater, false, DunningTemplates.PaymentFailed)]
    [InlineData("card_velocity_exceeded", DeclineCategory.RetryLater, false, DunningTemplates.TopUpFunds)]
    [InlineData("try_again_later", DeclineCategory.RetrySoon, false, DunningTemplates.PaymentFailed)]
    public void Stripe_decline_codes_are_classified_into_advice(string code, DeclineCategory category, bool hard, string template)
    {
        var advice = DeclineCodes.Classify(code);
        Assert.Equal((code, category, hard, template), (advice.Code, advice.Category, advice.IsHardDecline, advice.Template));
        Assert.False(string.IsNullOrWhiteSpace(advice.Description));
    }

    [Fact]
    public void Codes_are_matched_whatever_their_case_and_unknown_codes_are_soft()
    {
        Assert.Equal(DeclineCategory.Stop, DeclineCodes.Classify(" Fraudulent ").Category);
        var unknown = DeclineCodes.Classify("some_new_code");
        Assert.Equal(("some_new_code", DeclineCategory.RetryLater, false), (unknown.Code, unknown.Category, unknown.IsHardDecline));
        Assert.Equal("unknown", DeclineCodes.Classify(null).Code);
    }
}
