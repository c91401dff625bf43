using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BillingKit.Entitlements;
using NodaTime;
using NodaTime.Text;

namespace BillingKit.PostgreSql.Documents;

/// <summary>
/// Writes a domain record to JSON and reads it back exactly, field by field, without going through its constructors
/// or factories (the records validate in their factories and keep their state behind private initializers, so the
/// stored state is restored as it was, not re-derived).
/// </summary>
/// <remarks>
/// Money is written as integer minor units plus the currency code, instants as ISO text with nanoseconds, dates as
/// ISO dates, ids as their text: no amount passes through a binary fraction, and every round trip is lossless. A value whose
/// runtime type differs from the declared one (a subtype) carries its type name, restricted to BillingKit and NodaTime
/// types when read back.
/// </remarks>
internal static class DocumentSerializer
{
    private const string TypeProperty = "$t";
    private static readonly ConcurrentDictionary<Type, FieldMap> Fields = new();
    private static readonly ConcurrentDictionary<Type, IdText?> Ids = new();

    public static string Serialize<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, typeof(T));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static T Deserialize<T>(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (T)Read(document.RootElement, typeof(T))!;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "One flat dispatch over the supported value types reads best as a single table.")]
    private static void Write(Utf8JsonWriter writer, object? value, Type declared)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var type = value.GetType();
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case int i:
                writer.WriteNumberValue(i);
                return;
            case long l:
                writer.WriteNumberValue(l);
                return;
            case short sh:
                writer.WriteNumberValue(sh);
                return;
            case byte by:
                writer.WriteNumberValue(by);
                return;
            case ushort us:
                writer.WriteNumberValue(us);
                return;
            case uint ui:
                writer.WriteNumberValue(ui);
                return;
            case decimal d:
                writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                return;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
            case Money m:
                writer.WriteStartObject();
                writer.WriteNumber("minor", m.MinorUnits);
                writer.WriteString("currency", m.Currency.Code);
                writer.WriteEndObject();
                return;
            case Currency c:
                writer.WriteStringValue(c.Code);
                return;
            case Instant instant:
                writer.WriteStringValue(InstantPattern.ExtendedIso.Format(instant));
                return;
            case LocalDate date:
                writer.WriteStringValue(LocalDatePattern.Iso.Format(date));
                return;
            case LocalDateTime dateTime:
                writer.WriteStringValue(LocalDateTimePattern.ExtendedIso.Format(dateTime));
                return;
            case Duration duration:
                writer.WriteStringValue(DurationPattern.Roundtrip.Format(duration));
                return;
            case Period period:
                writer.WriteStringValue(PeriodPattern.Roundtrip.Format(period));
                return;
            case DateTimeZone zone:
                writer.WriteStringValue(zone.Id);
                return;
            case Metric metric:
                writer.WriteStartObject();
                writer.WriteString("key", metric.Key);
                writer.WriteString("name", metric.DisplayName);
                writer.WriteString("kind", metric.Kind.ToString());
                writer.WriteEndObject();
                return;
            case Feature feature:
                writer.WriteStringValue(feature.Key);
                return;
        }

        if (IdOf(type) is { } id)
        {
            writer.WriteStringValue(id.Get(value));
            return;
        }

        if (value is IDictionary dictionary)
        {
            var (keyType, valueType) = DictionaryTypes(declared, type);
            writer.WriteStartArray();
            foreach (DictionaryEntry entry in dictionary)
            {
                writer.WriteStartArray();
                Write(writer, entry.Key, keyType);
                Write(writer, entry.Value, valueType);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            return;
        }

        if (value is IEnumerable sequence)
        {
            var elementType = ElementType(declared) ?? ElementType(type) ?? typeof(object);
            writer.WriteStartArray();
            foreach (var item in sequence)
            {
                Write(writer, item, elementType);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        var runtime = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type != runtime)
        {
            writer.WriteString(TypeProperty, type.FullName + ", " + type.Assembly.GetName().Name);
        }

        foreach (var (name, field) in FieldsOf(type).ByName)
        {
            writer.WritePropertyName(name);
            Write(writer, field.GetValue(value), field.FieldType);
        }

        writer.WriteEndObject();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "MA0051:Method is too long", Justification = "One flat dispatch over the supported value types reads best as a single table.")]
    private static object? Read(JsonElement element, Type declared)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string))
        {
            return element.GetString();
        }

        if (type == typeof(bool))
        {
            return element.GetBoolean();
        }

        if (type == typeof(int))
        {
            return element.GetInt32();
        }

        if (type == typeof(long))
        {
            return element.GetInt64();
        }

        if (type == typeof(short))
        {
            return element.GetInt16();
        }

        if (type == typeof(byte))
        {
            return element.GetByte();
        }

        if (type == typeof(ushort))
        {
            return element.GetUInt16();
        }

        if (type == typeof(uint))
        {
            return element.GetUInt32();
        }

        if (type == typeof(decimal))
        {
            return decimal.Parse(element.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        if (type == typeof(Guid))
        {
            return Guid.ParseExact(element.GetString()!, "D");
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, element.GetString()!);
        }

        if (type == typeof(Money))
        {
            return Money.FromMinorUnits(element.GetProperty("minor").GetInt64(), Currency.FromCode(element.GetProperty("currency").GetString()!));
        }

        if (type == typeof(Currency))
        {
            return Currency.FromCode(element.GetString()!);
        }

        if (type == typeof(Instant))
        {
            return InstantPattern.ExtendedIso.Parse(element.GetString()!).Value;
        }

        if (type == typeof(LocalDate))
        {
            return LocalDatePattern.Iso.Parse(element.GetString()!).Value;
        }

        if (type == typeof(LocalDateTime))
        {
            return LocalDateTimePattern.ExtendedIso.Parse(element.GetString()!).Value;
        }

        if (type == typeof(Duration))
        {
            return DurationPattern.Roundtrip.Parse(element.GetString()!).Value;
        }

        if (type == typeof(Period))
        {
            return PeriodPattern.Roundtrip.Parse(element.GetString()!).Value;
        }

        if (typeof(DateTimeZone).IsAssignableFrom(type))
        {
            return DateTimeZoneProviders.Tzdb[element.GetString()!];
        }

        if (type == typeof(Metric))
        {
            var key = element.GetProperty("key").GetString()!;
            return Metric.TryGet(key, out var known)
                ? known
                : Metric.Define(key, element.GetProperty("name").GetString()!, Enum.Parse<MetricKind>(element.GetProperty("kind").GetString()!));
        }

        if (type == typeof(Feature))
        {
            return Feature.Of(element.GetString()!);
        }

        if (IdOf(type) is { } id)
        {
            return id.Create(element.GetString()!);
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            return ReadCollection(element, type);
        }

        if (element.TryGetProperty(TypeProperty, out var typeName))
        {
            type = ResolveType(typeName.GetString()!);
        }

        var instance = RuntimeHelpers.GetUninitializedObject(type);
        var map = FieldsOf(type);
        foreach (var property in element.EnumerateObject())
        {
            if (map.ByName.TryGetValue(property.Name, out var field))
            {
                field.SetValue(instance, Read(property.Value, field.FieldType));
            }
        }

        return instance;
    }

    private static object ReadCollection(JsonElement element, Type type)
    {
        if (DictionaryTypesOrNull(type) is var (keyType, valueType))
        {
            var pairs = element.EnumerateArray()
                .Select(pair => (Key: Read(pair[0], keyType)!, Value: Read(pair[1], valueType)))
                .ToArray();
            var dictionaryType = typeof(Dictionary<,>).MakeGenericType(keyType, valueType);
            var dictionary = (IDictionary)Activator.CreateInstance(dictionaryType)!;
            foreach (var (key, value) in pairs)
            {
                dictionary.Add(key, value);
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>))
            {
                return typeof(ImmutableDictionary)
                    .GetMethods(BindingFlags.Public | BindingFlags.Static)
                    .Single(m => string.Equals(m.Name, nameof(ImmutableDictionary.CreateRange), StringComparison.Ordinal) && m.GetParameters().Length == 1)
                    .MakeGenericMethod(keyType, valueType)
                    .Invoke(null, [dictionary])!;
            }

            return dictionary;
        }

        var elementType = ElementType(type) ?? typeof(object);
        var items = element.EnumerateArray().Select(item => Read(item, elementType)).ToArray();
        var array = Array.CreateInstance(elementType, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            array.SetValue(items[i], i);
        }

        if (type.IsArray || type.IsInterface)
        {
            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(ImmutableList<>))
            {
                return Create(typeof(ImmutableList), elementType, array);
            }

            if (definition == typeof(ImmutableArray<>))
            {
                return Create(typeof(ImmutableArray), elementType, array);
            }

            if (definition == typeof(ImmutableHashSet<>))
            {
                return Create(typeof(ImmutableHashSet), elementType, array);
            }
        }

        return Activator.CreateInstance(type, array)!;
    }

    private static object Create(Type factory, Type elementType, Array items) =>
        factory.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => string.Equals(m.Name, "CreateRange", StringComparison.Ordinal) && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType.IsGenericType)
            .MakeGenericMethod(elementType)
            .Invoke(null, [items])!;

    private static Type ResolveType(string name)
    {
        var type = Type.GetType(name, throwOnError: true)!;
        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (!assembly.StartsWith("BillingKit", StringComparison.Ordinal) && !assembly.StartsWith("NodaTime", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A stored document names type '{name}', which is not a BillingKit or NodaTime type; the row was not written by BillingKit.");
        }

        return type;
    }

    private static (Type Key, Type Value) DictionaryTypes(Type declared, Type runtime) =>
        DictionaryTypesOrNull(declared) ?? DictionaryTypesOrNull(runtime) ?? (typeof(object), typeof(object));

    private static (Type Key, Type Value)? DictionaryTypesOrNull(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType)
            {
                var definition = candidate.GetGenericTypeDefinition();
                if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
                {
                    var args = candidate.GetGenericArguments();
                    return (args[0], args[1]);
                }
            }
        }

        return null;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static FieldMap FieldsOf(Type type) => Fields.GetOrAdd(type, static t =>
    {
        var byName = new SortedDictionary<string, FieldInfo>(StringComparer.Ordinal);
        for (var current = t; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var name = field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)] : field.Name.TrimStart('_');
                byName.TryAdd(name, field);
            }
        }

        return new FieldMap(byName);
    });

    private static IdText? IdOf(Type type) => Ids.GetOrAdd(type, static t =>
    {
        if (!t.IsValueType || t.Namespace?.StartsWith("BillingKit", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var value = t.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance);
        var from = t.GetMethod("From", BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        var fields = t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (value?.PropertyType != typeof(string) || from?.ReturnType != t || fields.Length != 1 || fields[0].FieldType != typeof(string))
        {
            return null;
        }

        return new IdText(
            instance => (string)value.GetValue(instance)!,
            text => text.Length == 0 ? Activator.CreateInstance(t)! : from.Invoke(null, [text])!);
    });

    private sealed record FieldMap(SortedDictionary<string, FieldInfo> ByName);

    private sealed record IdText(Func<object, string> Get, Func<string, object> Create);
}
