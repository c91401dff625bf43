namespace BillingKit.PostgreSql;

/// <summary>The rule for schema names, which are written into SQL text and so must be plain identifiers.</summary>
internal static class SchemaName
{
    public static bool IsValid(string? schema) =>
        schema is { Length: > 0 and <= 63 }
        && (schema[0] is (>= 'a' and <= 'z') or '_')
        && schema.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    public static string Require(string? schema) => IsValid(schema)
        ? schema!
        : throw new ArgumentException($"'{schema}' is not a valid schema name: expected 1 to 63 lower-case letters, digits or underscores, starting with a letter or an underscore.", nameof(schema));
}
