-- BillingKit schema, version 2: the operations desk (audit log, credit approvals, pay-link revocations).

CREATE TABLE {schema}.audit_records (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_id     TEXT   NOT NULL UNIQUE,
    tenant_id     TEXT   NOT NULL,
    actor_id      TEXT   NOT NULL,
    action        TEXT   NOT NULL,
    at_ticks      BIGINT NOT NULL,
    at_sub_tick   INT    NOT NULL CHECK (at_sub_tick BETWEEN 0 AND 99),
    amount_minor  BIGINT NULL,
    currency      CHAR(3) NULL,
    document      JSONB  NOT NULL
);
CREATE INDEX audit_records_tenant_time ON {schema}.audit_records (tenant_id, at_ticks DESC, at_sub_tick DESC, seq DESC);
CREATE INDEX audit_records_time ON {schema}.audit_records (at_ticks DESC, at_sub_tick DESC, seq DESC);

CREATE TABLE {schema}.credit_approvals (
    tenant_id        TEXT    NOT NULL,
    request_id       TEXT    NOT NULL,
    seq              BIGINT  GENERATED ALWAYS AS IDENTITY,
    status           TEXT    NOT NULL,
    amount_minor     BIGINT  NOT NULL,
    currency         CHAR(3) NOT NULL,
    requested_at_ticks BIGINT NOT NULL,
    document         JSONB   NOT NULL,
    PRIMARY KEY (tenant_id, request_id)
);
CREATE INDEX credit_approvals_status ON {schema}.credit_approvals (status, seq);

CREATE TABLE {schema}.pay_link_revocations (
    tenant_id         TEXT   NOT NULL,
    link_id           TEXT   NOT NULL,
    revoked_at_ticks  BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, link_id)
);
