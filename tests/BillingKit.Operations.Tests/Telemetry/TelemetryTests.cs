using System.Diagnostics.Metrics;
using System.Reflection;

namespace BillingKit.Operations.Tests.Telemetry;

public class TelemetryTests
{
    [Fact]
    public void There_is_one_meter_and_one_activity_source_named_BillingKit_with_billingkit_instruments()
    {
        Assert.Equal("BillingKit", BillingKitTelemetry.Meter.Name);
        Assert.Equal("BillingKit", BillingKitTelemetry.Source.Name);
        var instruments = typeof(BillingKitTelemetry).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => typeof(Instrument).IsAssignableFrom(f.FieldType))
            .Select(f => (Instrument)f.GetValue(null)!)
            .ToList();

        Assert.True(instruments.Count >= 10);
        Assert.All(instruments, i => Assert.StartsWith("billingkit.", i.Name, StringComparison.Ordinal));
        Assert.Contains(instruments, i => i.Name == "billingkit.dunning.transitions");
        Assert.Contains(instruments, i => i.Name == "billingkit.entitlements.quota_denials");
        Assert.Contains(instruments, i => i.Name == "billingkit.provider.calls");
    }

    [Fact]
    public async Task A_desk_action_and_a_denial_are_counted_with_action_role_and_outcome_tags_only()
    {
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BillingKitDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        });
        listener.Start();
        await using var desk = DeskFixture.Create();
        var links = desk.Get<PayLinkDesk>();

        await links.IssueAsync(DeskFixture.Request(DeskFixture.Finance, "Telemetry check"), InvoiceId.From("inv_telemetry_1"));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => links.IssueAsync(DeskFixture.Request(DeskFixture.Support, "Telemetry check"), InvoiceId.From("inv_telemetry_2")));

        List<(string Instrument, long Value, Dictionary<string, object?> Tags)> seen;
        lock (measurements)
        {
            seen = [.. measurements];
        }

        Assert.Contains(seen, m => m.Instrument == "billingkit.desk.actions" && Equals(m.Tags["action"], "pay-link.issue") && Equals(m.Tags["role"], "Finance") && Equals(m.Tags["outcome"], "Succeeded"));
        Assert.Contains(seen, m => m.Instrument == "billingkit.desk.denials" && Equals(m.Tags["action"], "pay-link.issue") && Equals(m.Tags["role"], "Support"));
        Assert.All(seen, m => Assert.DoesNotContain(m.Tags.Values, v => v is string s && (s.Contains("inv_telemetry", StringComparison.Ordinal) || s.Contains("ten_", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Log_events_name_the_action_actor_and_outcome()
    {
        await using var desk = DeskFixture.Create();

        await desk.Get<PayLinkDesk>().IssueAsync(DeskFixture.Request(DeskFixture.Finance, "Log check"), InvoiceId.From("inv_1001"));

        var completed = Assert.Single(desk.Logs.Entries, e => e.Id.Id == 8000);
        Assert.Contains("pay-link.issue by fin.finance (Finance) on tenant ten_acme ended Succeeded", completed.Message, StringComparison.Ordinal);
    }
}
