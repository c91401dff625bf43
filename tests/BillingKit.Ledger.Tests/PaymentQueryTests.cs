using static BillingKit.Ledger.Tests.LedgerFixture;

namespace BillingKit.Ledger.Tests;

public class PaymentQueryTests
{
    private readonly LedgerFixture _desk = new(maxPageSize: 100);
    private static readonly CustomerId Globex = CustomerId.From("cus_globex");
    private static readonly BillingGroupId Emea = BillingGroupId.From("grp_emea");

    private async Task Seed()
    {
        var rows = new (string Id, CustomerId Customer, decimal Amount, int DueMonth, string? Invoice, string? Reference, BillingGroupId? Group, bool Paid)[]
        {
            ("pay_a", Acme, 300, 1, "INV-1001", null, Emea, true),
            ("pay_b", Acme, 100, 2, "INV-1002", null, Emea, false),
            ("pay_c", Globex, 200, 3, "INV-2001", "PO-77", null, false),
            ("pay_d", Globex, 50, 4, null, "WIRE-9", null, true),
        };
        foreach (var row in rows)
        {
            await _desk.Ledger.RecordPaymentAsync(_desk.Tenant, new RecordPaymentRequest
            {
                IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = PaymentId.From(row.Id), Customer = row.Customer, Amount = Usd(row.Amount),
                DueDate = Day(row.DueMonth, 10), Provider = ProviderName.Offline, InvoiceNumber = row.Invoice, Reference = row.Reference, BillingGroup = row.Group,
            });
            if (row.Paid)
            {
                await _desk.Ledger.MarkAsPaidAsync(_desk.Tenant, new MarkAsPaidRequest
                {
                    IdempotencyKey = _desk.NextKey(), Actor = Finance, Payment = PaymentId.From(row.Id), PaymentDate = Day(row.DueMonth, 12), Method = PaymentMethod.Wire,
                });
            }
        }
    }

    private async Task<string[]> Ids(PaymentQuery query) =>
        [.. (await _desk.Ledger.QueryPaymentsAsync(_desk.Tenant, query)).Items.Select(p => p.Id.Value)];

    [Fact]
    public async Task The_desk_searches_by_invoice_number_reference_or_customer()
    {
        await Seed();
        Assert.Equal(["pay_b"], await Ids(new PaymentQuery { Search = "inv-1002" }));
        Assert.Equal(["pay_d"], await Ids(new PaymentQuery { Search = "WIRE" }));
        Assert.Equal(["pay_c", "pay_d"], await Ids(new PaymentQuery { Search = "globex" }));
    }

    [Fact]
    public async Task The_desk_filters_by_status_dates_customer_and_billing_group()
    {
        await Seed();
        Assert.Equal(["pay_b", "pay_c"], await Ids(new PaymentQuery { Statuses = [PaymentStatus.Pending] }));
        Assert.Equal(["pay_b", "pay_c"], await Ids(new PaymentQuery { DueFrom = Day(2, 1), DueTo = Day(3, 31) }));
        Assert.Equal(["pay_d"], await Ids(new PaymentQuery { PaidFrom = Day(2, 1) }));
        Assert.Equal(["pay_a", "pay_b"], await Ids(new PaymentQuery { BillingGroup = Emea }));
        Assert.Equal(["pay_d"], await Ids(new PaymentQuery { Customer = Globex, Statuses = [PaymentStatus.Paid] }));
    }

    [Fact]
    public async Task The_desk_sorts_and_pages()
    {
        await Seed();
        Assert.Equal(["pay_a", "pay_c", "pay_b", "pay_d"], await Ids(new PaymentQuery { SortBy = PaymentSort.Amount, Descending = true }));
        Assert.Equal(["pay_a", "pay_b", "pay_c", "pay_d"], await Ids(new PaymentQuery { SortBy = PaymentSort.Customer }));
        Assert.Equal(["pay_b", "pay_c", "pay_a", "pay_d"], await Ids(new PaymentQuery { SortBy = PaymentSort.Status }));

        var page = await _desk.Ledger.QueryPaymentsAsync(_desk.Tenant, new PaymentQuery { SortBy = PaymentSort.DueDate, Descending = true, PageSize = 3, PageNumber = 2 });
        Assert.Equal("pay_a", Assert.Single(page.Items).Id.Value);
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(2, page.PageCount);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task A_page_larger_than_the_configured_maximum_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _desk.Ledger.QueryPaymentsAsync(_desk.Tenant, new PaymentQuery { PageSize = 101 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _desk.Ledger.QueryPaymentsAsync(_desk.Tenant, new PaymentQuery { PageNumber = 0 }));
    }
}
