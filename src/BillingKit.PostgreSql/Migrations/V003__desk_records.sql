-- BillingKit schema, version 3: provider event ids processed, desk refunds, disputes and tenant accounts.

CREATE TABLE {schema}.processed_provider_events (
    tenant_id         TEXT   NOT NULL,
    provider          TEXT   NOT NULL,
    account           TEXT   NOT NULL,
    event_id          TEXT   NOT NULL,
    handled_at_ticks  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, provider, account, event_id)
);

CREATE TABLE {schema}.desk_refunds (
    tenant_id            TEXT    NOT NULL,
    refund_id            TEXT    NOT NULL,
    seq                  BIGINT  GENERATED ALWAYS AS IDENTITY,
    payment_id           TEXT    NOT NULL,
    provider_refund_id   TEXT    NULL,
    status               TEXT    NOT NULL,
    amount_minor         BIGINT  NOT NULL,
    currency             CHAR(3) NOT NULL,
    requested_at_ticks   BIGINT  NOT NULL,
    document             JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, refund_id)
);
CREATE INDEX desk_refunds_payment ON {schema}.desk_refunds (tenant_id, payment_id);
CREATE INDEX desk_refunds_provider_refund ON {schema}.desk_refunds (tenant_id, provider_refund_id) WHERE provider_refund_id IS NOT NULL;
CREATE INDEX desk_refunds_status ON {schema}.desk_refunds (status, seq);

CREATE TABLE {schema}.desk_disputes (
    tenant_id      TEXT    NOT NULL,
    dispute_id     TEXT    NOT NULL,
    seq            BIGINT  GENERATED ALWAYS AS IDENTITY,
    status         TEXT    NOT NULL,
    amount_minor   BIGINT  NOT NULL,
    currency       CHAR(3) NOT NULL,
    document       JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, dispute_id)
);
CREATE INDEX desk_disputes_status ON {schema}.desk_disputes (status, seq);

CREATE TABLE {schema}.tenant_accounts (
    tenant_id   TEXT  NOT NULL PRIMARY KEY,
    name        TEXT  NOT NULL,
    document    JSONB NOT NULL
);
