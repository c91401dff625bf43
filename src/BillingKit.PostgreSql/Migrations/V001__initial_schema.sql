-- BillingKit schema, version 1: every context's tables. Money is BIGINT minor units beside a CHAR(3) ISO 4217 code;
-- instants are BIGINT ticks (100 ns) since the Unix epoch for ordering and filtering, and the full record, including
-- nanoseconds, is kept in the JSONB "document" column; billing dates are DATE. Every table leads with tenant_id, and
-- every store query filters on it.

-- Ledger ----------------------------------------------------------------------------------------------------------
CREATE TABLE {schema}.ledger_books (
    tenant_id        TEXT   NOT NULL PRIMARY KEY,
    opened_at_ticks  BIGINT NOT NULL
);

CREATE TABLE {schema}.ledger_idempotency_keys (
    tenant_id        TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    fingerprint      TEXT NOT NULL,
    transaction_id   TEXT NULL,
    payment_id       TEXT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);

CREATE TABLE {schema}.ledger_transactions (
    tenant_id        TEXT    NOT NULL,
    transaction_id   TEXT    NOT NULL,
    journal_seq      BIGINT  GENERATED ALWAYS AS IDENTITY,
    kind             TEXT    NOT NULL,
    amount_minor     BIGINT  NOT NULL CHECK (amount_minor > 0),
    currency         CHAR(3) NOT NULL,
    posted_at_ticks  BIGINT  NOT NULL,
    idempotency_key  TEXT    NOT NULL,
    payment_id       TEXT    NULL,
    invoice_id       TEXT    NULL,
    customer_id      TEXT    NULL,
    document         JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, transaction_id),
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX ledger_transactions_journal ON {schema}.ledger_transactions (tenant_id, journal_seq);

CREATE TABLE {schema}.ledger_postings (
    tenant_id        TEXT    NOT NULL,
    transaction_id   TEXT    NOT NULL,
    ordinal          INT     NOT NULL,
    account          TEXT    NOT NULL,
    side             TEXT    NOT NULL CHECK (side IN ('Debit', 'Credit')),
    amount_minor     BIGINT  NOT NULL CHECK (amount_minor > 0),
    currency         CHAR(3) NOT NULL,
    PRIMARY KEY (tenant_id, transaction_id, ordinal),
    FOREIGN KEY (tenant_id, transaction_id) REFERENCES {schema}.ledger_transactions (tenant_id, transaction_id)
);

CREATE TABLE {schema}.ledger_account_balances (
    tenant_id        TEXT    NOT NULL,
    currency         CHAR(3) NOT NULL,
    account          TEXT    NOT NULL,
    balance_minor    BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, currency, account)
);

CREATE TABLE {schema}.ledger_currency_totals (
    tenant_id          TEXT    NOT NULL,
    currency           CHAR(3) NOT NULL,
    debits_minor       BIGINT  NOT NULL,
    credits_minor      BIGINT  NOT NULL,
    transaction_count  BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, currency)
);

CREATE TABLE {schema}.ledger_kind_totals (
    tenant_id        TEXT    NOT NULL,
    currency         CHAR(3) NOT NULL,
    kind             TEXT    NOT NULL,
    total_minor      BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, currency, kind)
);

CREATE TABLE {schema}.ledger_open_charges (
    tenant_id          TEXT    NOT NULL,
    charge_id          TEXT    NOT NULL,
    currency           CHAR(3) NOT NULL,
    outstanding_minor  BIGINT  NOT NULL CHECK (outstanding_minor > 0),
    document           JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, charge_id)
);
CREATE INDEX ledger_open_charges_currency ON {schema}.ledger_open_charges (tenant_id, currency);

CREATE TABLE {schema}.ledger_payments (
    tenant_id            TEXT    NOT NULL,
    payment_id           TEXT    NOT NULL,
    customer_id          TEXT    NOT NULL,
    amount_minor         BIGINT  NOT NULL,
    currency             CHAR(3) NOT NULL,
    refunded_minor       BIGINT  NOT NULL,
    charged_back_minor   BIGINT  NOT NULL,
    due_date             DATE    NOT NULL,
    payment_date         DATE    NULL,
    status               TEXT    NOT NULL,
    provider             TEXT    NOT NULL,
    version              INT     NOT NULL CHECK (version > 0),
    invoice_id           TEXT    NULL,
    invoice_number       TEXT    NULL,
    subscription_id      TEXT    NULL,
    billing_group_id     TEXT    NULL,
    reference            TEXT    NULL,
    provider_reference   TEXT    NULL,
    created_at_ticks     BIGINT  NOT NULL,
    updated_at_ticks     BIGINT  NOT NULL,
    document             JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, payment_id),
    CHECK (refunded_minor >= 0 AND charged_back_minor >= 0 AND refunded_minor + charged_back_minor <= amount_minor)
);
CREATE INDEX ledger_payments_due ON {schema}.ledger_payments (tenant_id, due_date);
CREATE INDEX ledger_payments_customer ON {schema}.ledger_payments (tenant_id, customer_id);

CREATE TABLE {schema}.ledger_payment_attempts (
    tenant_id            TEXT   NOT NULL,
    payment_id           TEXT   NOT NULL,
    attempt_number       INT    NOT NULL,
    started_at_ticks     BIGINT NOT NULL,
    outcome              TEXT   NULL,
    ended_at_ticks       BIGINT NULL,
    provider_reference   TEXT   NULL,
    failure_reason       TEXT   NULL,
    decline_code         TEXT   NULL,
    PRIMARY KEY (tenant_id, payment_id, attempt_number),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES {schema}.ledger_payments (tenant_id, payment_id)
);

-- Dunning ---------------------------------------------------------------------------------------------------------
CREATE TABLE {schema}.dunning_snapshots (
    tenant_id          TEXT    NOT NULL PRIMARY KEY,
    state              TEXT    NOT NULL,
    next_due_at_ticks  BIGINT  NULL,
    in_lifecycle       BOOLEAN NOT NULL,
    updated_at_ticks   BIGINT  NOT NULL,
    document           JSONB   NOT NULL
);
CREATE INDEX dunning_snapshots_next_due ON {schema}.dunning_snapshots (next_due_at_ticks) WHERE next_due_at_ticks IS NOT NULL;
CREATE INDEX dunning_snapshots_lifecycle ON {schema}.dunning_snapshots (tenant_id) WHERE in_lifecycle;

CREATE TABLE {schema}.dunning_transitions (
    tenant_id   TEXT   NOT NULL,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    document    JSONB  NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

CREATE TABLE {schema}.dunning_overrides (
    tenant_id   TEXT   NOT NULL,
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    document    JSONB  NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);

-- Entitlements ----------------------------------------------------------------------------------------------------
CREATE TABLE {schema}.entitlement_configs (
    tenant_id     TEXT  NOT NULL PRIMARY KEY,
    plan_id       TEXT  NOT NULL,
    access_level  TEXT  NOT NULL,
    document      JSONB NOT NULL
);

CREATE TABLE {schema}.quota_leases (
    tenant_id           TEXT   NOT NULL,
    metric              TEXT   NOT NULL,
    period_start_ticks  BIGINT NOT NULL,
    leased              BIGINT NOT NULL CHECK (leased >= 0),
    last_grant          BIGINT NOT NULL CHECK (last_grant >= 0),
    PRIMARY KEY (tenant_id, metric, period_start_ticks)
);

-- Invoicing -------------------------------------------------------------------------------------------------------
CREATE TABLE {schema}.invoices (
    tenant_id                TEXT    NOT NULL,
    invoice_id               TEXT    NOT NULL,
    invoice_number           TEXT    NULL,
    status                   TEXT    NOT NULL,
    customer_id              TEXT    NOT NULL,
    billing_group_id         TEXT    NULL,
    invoice_date             DATE    NOT NULL,
    due_date                 DATE    NOT NULL,
    currency                 CHAR(3) NOT NULL,
    total_minor              BIGINT  NOT NULL,
    amount_remaining_minor   BIGINT  NOT NULL,
    document                 JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id)
);
CREATE UNIQUE INDEX invoices_number ON {schema}.invoices (tenant_id, invoice_number) WHERE invoice_number IS NOT NULL;
CREATE INDEX invoices_listing ON {schema}.invoices (tenant_id, invoice_date DESC, invoice_number DESC, invoice_id DESC);
CREATE INDEX invoices_customer ON {schema}.invoices (tenant_id, customer_id);

CREATE TABLE {schema}.invoice_lines (
    tenant_id          TEXT    NOT NULL,
    invoice_id         TEXT    NOT NULL,
    line_number        INT     NOT NULL,
    description        TEXT    NOT NULL,
    quantity           NUMERIC NOT NULL,
    unit_price_minor   BIGINT  NOT NULL,
    amount_minor       BIGINT  NOT NULL,
    tax_minor          BIGINT  NOT NULL,
    currency           CHAR(3) NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id, line_number),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES {schema}.invoices (tenant_id, invoice_id)
);

CREATE TABLE {schema}.invoice_number_sequences (
    tenant_id   TEXT   NOT NULL,
    series      TEXT   NOT NULL,
    last_value  BIGINT NOT NULL CHECK (last_value > 0),
    PRIMARY KEY (tenant_id, series)
);

CREATE TABLE {schema}.invoice_payments (
    tenant_id           TEXT    NOT NULL,
    payment_id          TEXT    NOT NULL,
    invoice_id          TEXT    NOT NULL,
    amount_minor        BIGINT  NOT NULL,
    currency            CHAR(3) NOT NULL,
    recorded_at_ticks   BIGINT  NOT NULL,
    document            JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, payment_id)
);
CREATE INDEX invoice_payments_invoice ON {schema}.invoice_payments (tenant_id, invoice_id);

CREATE TABLE {schema}.credit_notes (
    tenant_id            TEXT    NOT NULL,
    credit_note_id       TEXT    NOT NULL,
    invoice_id           TEXT    NOT NULL,
    credit_note_number   TEXT    NULL,
    amount_minor         BIGINT  NOT NULL,
    currency             CHAR(3) NOT NULL,
    issued_at_ticks      BIGINT  NOT NULL,
    document             JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, credit_note_id)
);
CREATE INDEX credit_notes_invoice ON {schema}.credit_notes (tenant_id, invoice_id);

CREATE TABLE {schema}.subscriptions (
    tenant_id         TEXT  NOT NULL,
    subscription_id   TEXT  NOT NULL,
    customer_id       TEXT  NOT NULL,
    plan_id           TEXT  NOT NULL,
    status            TEXT  NOT NULL,
    document          JSONB NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);
CREATE INDEX subscriptions_customer ON {schema}.subscriptions (tenant_id, customer_id);

CREATE TABLE {schema}.subscription_schedules (
    tenant_id         TEXT    NOT NULL,
    subscription_id   TEXT    NOT NULL,
    ordinal           INT     NOT NULL,
    due_date          DATE    NOT NULL,
    amount_minor      BIGINT  NOT NULL,
    currency          CHAR(3) NOT NULL,
    status            TEXT    NOT NULL,
    document          JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id, ordinal),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES {schema}.subscriptions (tenant_id, subscription_id)
);

CREATE TABLE {schema}.billing_groups (
    tenant_id          TEXT  NOT NULL,
    billing_group_id   TEXT  NOT NULL,
    name               TEXT  NOT NULL,
    document           JSONB NOT NULL,
    PRIMARY KEY (tenant_id, billing_group_id)
);

CREATE TABLE {schema}.billing_group_members (
    tenant_id          TEXT NOT NULL,
    billing_group_id   TEXT NOT NULL,
    customer_id        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, billing_group_id, customer_id),
    FOREIGN KEY (tenant_id, billing_group_id) REFERENCES {schema}.billing_groups (tenant_id, billing_group_id)
);
CREATE INDEX billing_group_members_customer ON {schema}.billing_group_members (tenant_id, customer_id);

CREATE TABLE {schema}.purchase_orders (
    tenant_id            TEXT    NOT NULL,
    purchase_order_id    TEXT    NOT NULL,
    customer_id          TEXT    NOT NULL,
    order_number         TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    amount_minor         BIGINT  NOT NULL,
    drawn_minor          BIGINT  NOT NULL,
    currency             CHAR(3) NOT NULL,
    submitted_at_ticks   BIGINT  NOT NULL,
    document             JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, purchase_order_id)
);
CREATE INDEX purchase_orders_listing ON {schema}.purchase_orders (tenant_id, submitted_at_ticks, purchase_order_id);
