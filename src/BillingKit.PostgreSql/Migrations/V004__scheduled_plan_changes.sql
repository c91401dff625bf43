-- BillingKit schema, version 4: plan changes the desk scheduled for period end (applied by PlanChangeProcessor).

CREATE TABLE {schema}.scheduled_plan_changes (
    tenant_id              TEXT   NOT NULL,
    change_id              TEXT   NOT NULL,
    seq                    BIGINT GENERATED ALWAYS AS IDENTITY,
    subscription_id        TEXT   NOT NULL,
    next_subscription_id   TEXT   NOT NULL,
    status                 TEXT   NOT NULL,
    effective_on           DATE   NOT NULL,
    document               JSONB  NOT NULL,
    PRIMARY KEY (tenant_id, change_id)
);
CREATE INDEX scheduled_plan_changes_subscription ON {schema}.scheduled_plan_changes (tenant_id, subscription_id);
CREATE INDEX scheduled_plan_changes_next_subscription ON {schema}.scheduled_plan_changes (tenant_id, next_subscription_id);
CREATE INDEX scheduled_plan_changes_due ON {schema}.scheduled_plan_changes (effective_on, seq) WHERE status = 'Pending';
