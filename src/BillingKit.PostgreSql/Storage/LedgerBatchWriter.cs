using BillingKit.Ledger;
using BillingKit.PostgreSql.Documents;
using Npgsql;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Turns one <see cref="LedgerWrite"/> into the statements of one batch (one round trip).</summary>
internal sealed class LedgerBatchWriter(NpgsqlBatch batch, PostgreSqlDatabase database, string tenant)
{
    public int? PaymentUpdateIndex { get; private set; }

    public void Write(LedgerWrite write)
    {
        Add("INSERT INTO {schema}.ledger_books (tenant_id, opened_at_ticks) VALUES (@tenant, @now) ON CONFLICT (tenant_id) DO NOTHING")
            .WithBigint("now", Db.Ticks(write.Transaction?.PostedAt ?? write.Payment?.UpdatedAt ?? NodaTime.Instant.FromUnixTimeTicks(0)));
        Add("INSERT INTO {schema}.ledger_idempotency_keys (tenant_id, idempotency_key, fingerprint, transaction_id, payment_id) VALUES (@tenant, @key, @fingerprint, @transaction, @payment)")
            .WithText("key", write.Idempotency.Key.Value)
            .WithText("fingerprint", write.Idempotency.Fingerprint)
            .WithText("transaction", write.Idempotency.Transaction?.Value)
            .WithText("payment", write.Idempotency.Payment?.Value);
        if (write.Transaction is { } transaction)
        {
            WriteTransaction(transaction);
        }

        foreach (var charge in write.OpenCharges)
        {
            if (charge.Outstanding.IsPositive)
            {
                Add("""
                    INSERT INTO {schema}.ledger_open_charges (tenant_id, charge_id, currency, outstanding_minor, document) VALUES (@tenant, @id, @currency, @outstanding, @document)
                    ON CONFLICT (tenant_id, charge_id) DO UPDATE SET outstanding_minor = excluded.outstanding_minor, document = excluded.document
                    """)
                    .WithText("id", charge.Charge.Value)
                    .WithText("currency", charge.Currency.Code)
                    .WithBigint("outstanding", charge.Outstanding.MinorUnits)
                    .WithJson("document", DocumentSerializer.Serialize(charge));
            }
            else
            {
                Add("DELETE FROM {schema}.ledger_open_charges WHERE tenant_id = @tenant AND charge_id = @id").WithText("id", charge.Charge.Value);
            }
        }

        if (write.Payment is { } payment)
        {
            WritePayment(payment);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "The statements of one write, in table order; splitting them would scatter the SQL.")]
    private void WriteTransaction(LedgerTransaction transaction)
    {
        var currency = transaction.Currency.Code;
        Add("""
            INSERT INTO {schema}.ledger_transactions (tenant_id, transaction_id, kind, amount_minor, currency, posted_at_ticks, idempotency_key, payment_id, invoice_id, customer_id, document)
            VALUES (@tenant, @id, @kind, @amount, @currency, @posted, @key, @payment, @invoice, @customer, @document)
            """)
            .WithText("id", transaction.Id.Value)
            .WithText("kind", transaction.Kind.ToString())
            .WithBigint("amount", transaction.Amount.MinorUnits)
            .WithText("currency", currency)
            .WithBigint("posted", Db.Ticks(transaction.PostedAt))
            .WithText("key", transaction.IdempotencyKey.Value)
            .WithText("payment", transaction.Payment?.Value)
            .WithText("invoice", transaction.Invoice?.Value)
            .WithText("customer", transaction.Customer?.Value)
            .WithJson("document", DocumentSerializer.Serialize(transaction));
        long debits = 0, credits = 0;
        var byAccount = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < transaction.Postings.Count; i++)
        {
            var posting = transaction.Postings[i];
            var account = LedgerAccounts.Format(posting.Account);
            Add("INSERT INTO {schema}.ledger_postings (tenant_id, transaction_id, ordinal, account, side, amount_minor, currency) VALUES (@tenant, @id, @ordinal, @account, @side, @amount, @currency)")
                .WithText("id", transaction.Id.Value)
                .With("ordinal", i)
                .WithText("account", account)
                .WithText("side", posting.Side.ToString())
                .WithBigint("amount", posting.Amount.MinorUnits)
                .WithText("currency", currency);
            byAccount[account] = checked(byAccount.GetValueOrDefault(account) + posting.SignedForAccount.MinorUnits);
            if (posting.Side == PostingSide.Debit)
            {
                debits = checked(debits + posting.Amount.MinorUnits);
            }
            else
            {
                credits = checked(credits + posting.Amount.MinorUnits);
            }
        }

        foreach (var (account, units) in byAccount)
        {
            Add("""
                INSERT INTO {schema}.ledger_account_balances (tenant_id, currency, account, balance_minor) VALUES (@tenant, @currency, @account, @units)
                ON CONFLICT (tenant_id, currency, account) DO UPDATE SET balance_minor = {schema}.ledger_account_balances.balance_minor + excluded.balance_minor
                """)
                .WithText("currency", currency)
                .WithText("account", account)
                .WithBigint("units", units);
        }

        Add("""
            INSERT INTO {schema}.ledger_kind_totals (tenant_id, currency, kind, total_minor) VALUES (@tenant, @currency, @kind, @units)
            ON CONFLICT (tenant_id, currency, kind) DO UPDATE SET total_minor = {schema}.ledger_kind_totals.total_minor + excluded.total_minor
            """)
            .WithText("currency", currency)
            .WithText("kind", transaction.Kind.ToString())
            .WithBigint("units", transaction.Amount.MinorUnits);
        Add("""
            INSERT INTO {schema}.ledger_currency_totals (tenant_id, currency, debits_minor, credits_minor, transaction_count) VALUES (@tenant, @currency, @debits, @credits, 1)
            ON CONFLICT (tenant_id, currency) DO UPDATE SET
                debits_minor = {schema}.ledger_currency_totals.debits_minor + excluded.debits_minor,
                credits_minor = {schema}.ledger_currency_totals.credits_minor + excluded.credits_minor,
                transaction_count = {schema}.ledger_currency_totals.transaction_count + 1
            """)
            .WithText("currency", currency)
            .WithBigint("debits", debits)
            .WithBigint("credits", credits);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "The statements of one write, in table order; splitting them would scatter the SQL.")]
    private void WritePayment(PaymentRecord payment)
    {
        const string Columns = """
            customer_id = @customer, amount_minor = @amount, currency = @currency, refunded_minor = @refunded, charged_back_minor = @charged_back,
            due_date = @due, payment_date = @paid, status = @status, provider = @provider, version = @version, invoice_id = @invoice,
            invoice_number = @invoice_number, subscription_id = @subscription, billing_group_id = @group, reference = @reference,
            provider_reference = @provider_reference, created_at_ticks = @created, updated_at_ticks = @updated, document = @document
            """;
        NpgsqlBatchCommand command;
        if (payment.Version == 1)
        {
            command = Add("""
                INSERT INTO {schema}.ledger_payments (tenant_id, payment_id, customer_id, amount_minor, currency, refunded_minor, charged_back_minor, due_date, payment_date,
                    status, provider, version, invoice_id, invoice_number, subscription_id, billing_group_id, reference, provider_reference, created_at_ticks, updated_at_ticks, document)
                VALUES (@tenant, @id, @customer, @amount, @currency, @refunded, @charged_back, @due, @paid,
                    @status, @provider, @version, @invoice, @invoice_number, @subscription, @group, @reference, @provider_reference, @created, @updated, @document)
                """);
        }
        else
        {
            Add("DELETE FROM {schema}.ledger_payment_attempts WHERE tenant_id = @tenant AND payment_id = @id").WithText("id", payment.Id.Value);
            PaymentUpdateIndex = batch.BatchCommands.Count;
            command = Add($"UPDATE {{schema}}.ledger_payments SET {Columns} WHERE tenant_id = @tenant AND payment_id = @id AND version = @version - 1");
        }

        command.WithText("id", payment.Id.Value)
            .WithText("customer", payment.Customer.Value)
            .WithBigint("amount", payment.Amount.MinorUnits)
            .WithText("currency", payment.Amount.Currency.Code)
            .WithBigint("refunded", payment.Refunded.MinorUnits)
            .WithBigint("charged_back", payment.ChargedBack.MinorUnits)
            .WithDate("due", payment.DueDate)
            .WithDate("paid", payment.PaymentDate)
            .WithText("status", payment.Status.ToString())
            .WithText("provider", payment.Provider.Value)
            .With("version", payment.Version)
            .WithText("invoice", payment.Invoice?.Value)
            .WithText("invoice_number", payment.InvoiceNumber)
            .WithText("subscription", payment.Subscription?.Value)
            .WithText("group", payment.BillingGroup?.Value)
            .WithText("reference", payment.Reference)
            .WithText("provider_reference", payment.ProviderReference)
            .WithBigint("created", Db.Ticks(payment.CreatedAt))
            .WithBigint("updated", Db.Ticks(payment.UpdatedAt))
            .WithJson("document", DocumentSerializer.Serialize(payment));
        foreach (var attempt in payment.Attempts)
        {
            Add("""
                INSERT INTO {schema}.ledger_payment_attempts (tenant_id, payment_id, attempt_number, started_at_ticks, outcome, ended_at_ticks, provider_reference, failure_reason, decline_code)
                VALUES (@tenant, @id, @number, @started, @outcome, @ended, @provider_reference, @failure, @decline)
                """)
                .WithText("id", payment.Id.Value)
                .With("number", attempt.Number)
                .WithBigint("started", Db.Ticks(attempt.StartedAt))
                .WithText("outcome", attempt.Outcome?.ToString())
                .WithBigint("ended", Db.Ticks(attempt.EndedAt))
                .WithText("provider_reference", attempt.ProviderReference)
                .WithText("failure", attempt.FailureReason)
                .WithText("decline", attempt.DeclineCode);
        }
    }

    private NpgsqlBatchCommand Add(string sql)
    {
        var command = new NpgsqlBatchCommand(database.Sql(sql));
        command.WithText("tenant", tenant);
        batch.BatchCommands.Add(command);
        return command;
    }
}
