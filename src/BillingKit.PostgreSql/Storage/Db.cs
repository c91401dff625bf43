using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace BillingKit.PostgreSql.Storage;

/// <summary>Small helpers shared by the stores: parameters, conversions and reads.</summary>
internal static class Db
{
    public static T With<T>(this T command, string name, object? value)
        where T : class
    {
        Parameters(command).AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static T WithText<T>(this T command, string name, string? value)
        where T : class
    {
        Parameters(command).Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
        return command;
    }

    public static T WithBigint<T>(this T command, string name, long? value)
        where T : class
    {
        Parameters(command).Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value });
        return command;
    }

    public static T WithDate<T>(this T command, string name, LocalDate? value)
        where T : class
    {
        Parameters(command).Add(new NpgsqlParameter(name, NpgsqlDbType.Date) { Value = value is { } date ? date.ToDateOnly() : DBNull.Value });
        return command;
    }

    public static T WithJson<T>(this T command, string name, string json)
        where T : class
    {
        Parameters(command).Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json });
        return command;
    }

    private static NpgsqlParameterCollection Parameters(object command) => command switch
    {
        NpgsqlCommand c => c.Parameters,
        NpgsqlBatchCommand b => b.Parameters,
        _ => throw new ArgumentException("Expected an NpgsqlCommand or NpgsqlBatchCommand.", nameof(command)),
    };

    public static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    public static long? Ticks(Instant? instant) => instant?.ToUnixTimeTicks();

    public static async ValueTask<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
        }

        return rows;
    }

    public static async ValueTask<T?> FirstOrDefaultAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
        }
    }

    /// <summary>Reads documents with a command on its own connection (committed state only).</summary>
    public static async ValueTask<List<T>> ReadAsync<T>(this PostgreSqlDatabase database, string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(database.Sql(sql), connection);
            await using (command.ConfigureAwait(false))
            {
                bind(command);
                return await command.ListAsync(read, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs commands in a unit's transaction.</summary>
    public static async ValueTask<List<T>> ReadAsync<T>(this PostgreSqlUnitOfWork unit, string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var command = unit.Command(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command);
            return await command.ListAsync(read, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async ValueTask<int> ExecuteAsync(this PostgreSqlUnitOfWork unit, string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var command = unit.Command(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static T Document<T>(this NpgsqlDataReader reader, int ordinal) => Documents.DocumentSerializer.Deserialize<T>(reader.GetString(ordinal));
}
