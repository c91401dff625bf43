using Microsoft.Extensions.Options;
using Npgsql;

namespace BillingKit.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlOptions"/> at start-up, without ever echoing the connection string.</summary>
internal sealed class PostgreSqlOptionsValidator : IValidateOptions<PostgreSqlOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("PostgreSqlOptions.ConnectionString is required: pass the Npgsql connection string of the BillingKit database to UsePostgreSql.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException)
            {
                failures.Add("PostgreSqlOptions.ConnectionString is not a valid Npgsql connection string (expected key=value pairs such as Host=...;Username=...;Database=...).");
            }
        }

        if (!SchemaName.IsValid(options.Schema))
        {
            failures.Add($"PostgreSqlOptions.Schema '{options.Schema}' is not a valid schema name: expected 1 to 63 lower-case letters, digits or underscores, starting with a letter or an underscore.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
