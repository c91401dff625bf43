namespace BillingKit.PostgreSql;

/// <summary>Options of the PostgreSQL stores, registered by <c>UsePostgreSql</c>.</summary>
/// <remarks>The connection string is a secret: it is never logged nor included in an exception message.</remarks>
public sealed class PostgreSqlOptions
{
    /// <summary>Gets or sets the Npgsql connection string of the database that holds the BillingKit schema.</summary>
    /// <value>Required; no default.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the schema that holds every BillingKit table (created by the first migration when missing).</summary>
    /// <value>Default <c>billingkit</c>. Lower-case letters, digits and underscores, starting with a letter or an underscore, at most 63 characters.</value>
    public string Schema { get; set; } = "billingkit";

    /// <summary>Gets or sets a value indicating whether pending schema migrations are applied before the first database use of the process.</summary>
    /// <value>Default <see langword="true"/>. When false, run <see cref="PostgreSqlMigrator.MigrateAsync(Npgsql.NpgsqlDataSource, string, CancellationToken)"/> yourself (for example from a deployment step).</value>
    public bool ApplyMigrationsOnStartup { get; set; } = true;
}
