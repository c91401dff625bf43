namespace BillingKit.Sample.Tests;

public sealed class ReadCommandTests
{
    [Fact]
    public async Task Tenants_shows_the_MRR_summary_the_status_breakdown_and_every_seeded_tenant()
    {
        var run = await SampleRun.RunAsync("tenants");

        run.ShouldSucceed();
        Assert.Contains("MRR summary", run.Output, StringComparison.Ordinal);
        Assert.Contains("Status breakdown", run.Output, StringComparison.Ordinal);
        // 89 + 249 + 29 + 4,000 + 1,500 = 5,867 a month, plus Umbrella's three clinics at 89 that bill through its
        // billing group: 6,134.
        Assert.Contains("$6,134.00", run.Output, StringComparison.Ordinal);
        foreach (var tenant in new[] { "acme", "globex", "hooli", "initech", "ministry", "umbrella" })
        {
            Assert.Contains(tenant, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tenant_detail_shows_payments_invoices_and_entitlements()
    {
        var run = await SampleRun.RunAsync("tenant", "globex");

        run.ShouldSucceed();
        Assert.Contains("Globex Logistics", run.Output, StringComparison.Ordinal);
        Assert.Contains("pay_globex_2026_02", run.Output, StringComparison.Ordinal);
        Assert.Contains("INV-2026-00002", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verifications", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tenant_is_a_clear_error_with_a_non_zero_exit_code()
    {
        var run = await SampleRun.RunAsync("tenant", "wayne");

        run.ShouldFail(1, "Unknown tenant 'wayne'");
        Assert.Contains("acme, globex, hooli, initech, ministry, umbrella", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_quota_explains_the_decision_and_denies_above_the_limit_with_exit_code_2()
    {
        var allowed = await SampleRun.RunAsync("check-quota", "hooli", "--amount", "60");
        var denied = await SampleRun.RunAsync("check-quota", "hooli", "--amount", "61");

        allowed.ShouldSucceed();
        Assert.Contains("ALLOWED", allowed.Output, StringComparison.Ordinal);
        Assert.Contains("940", allowed.Output, StringComparison.Ordinal);
        Assert.Equal(2, denied.ExitCode);
        Assert.Contains("DENIED (QuotaExceeded)", denied.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_says_everyone_is_paid_up_in_the_seeded_book()
    {
        var run = await SampleRun.RunAsync("failures");

        run.ShouldSucceed();
        Assert.Contains("every tenant is paid up", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoice_pdf_writes_a_pdf_file_and_prints_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"billingkit-sample-test-{Guid.NewGuid():N}.pdf");
        try
        {
            var run = await SampleRun.RunAsync("invoice-pdf", "umbrella", "--out", path);

            run.ShouldSucceed();
            Assert.Contains(path, run.Output, StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unknown_role_is_refused_by_the_parser()
    {
        var run = await SampleRun.RunAsync("tenants", "--as", "janitor");

        run.ShouldFail(1, "Unknown role 'janitor'");
    }

    [Fact]
    public async Task Reports_need_a_role_that_may_view_them()
    {
        var run = await SampleRun.RunAsync("tenants", "--as", "support");

        run.ShouldFail(3, "Permission denied");
    }
}
