using NodaTime;

namespace BillingKit.Core.Tests;

public class PaymentTermsTests
{
    [Fact]
    public void Net_30_on_January_1_is_due_January_31() =>
        Assert.Equal(new LocalDate(2026, 1, 31), PaymentTerms.Net30.DueDate(new LocalDate(2026, 1, 1)));

    [Fact]
    public void Due_on_receipt_is_due_on_the_invoice_date()
    {
        var invoiceDate = new LocalDate(2026, 3, 15);

        Assert.Equal(invoiceDate, PaymentTerms.DueOnReceipt.DueDate(invoiceDate));
        Assert.True(default(PaymentTerms).IsDueOnReceipt);
    }

    [Theory]
    [InlineData(7, "Net 7")]
    [InlineData(14, "Net 14")]
    [InlineData(30, "Net 30")]
    [InlineData(0, "Due on receipt")]
    public void Named_terms_read_as_billing_staff_write_them(int days, string text)
    {
        Assert.Equal(text, PaymentTerms.Net(days).ToString());
        Assert.Equal(PaymentTerms.Net(days), PaymentTerms.Parse(text));
        Assert.Equal(PaymentTerms.Net(days), PaymentTerms.Parse(text.ToUpperInvariant()));
    }

    [Fact]
    public void Negative_or_huge_terms_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentTerms.Net(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentTerms.Net(366));
        Assert.Throws<FormatException>(() => PaymentTerms.Parse("Net thirty"));
    }
}
