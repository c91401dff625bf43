using BillingKit.TestUtilities.Providers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BillingKit.Stripe.Tests.Infrastructure;

/// <summary>
/// The parts of Stripe's OpenAPI spec (API 2023-08-16) and published fixtures that the tests use, from
/// <c>Contracts/stripe-contract.json</c> (made by <c>Contracts/trim_stripe_spec.py</c>; MIT, see
/// <c>Contracts/LICENSE.stripe-openapi</c>). Checks a recorded request against the spec.
/// </summary>
public sealed class StripeContract
{
    private static readonly Lazy<StripeContract> Loaded = new(() => new StripeContract(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "stripe-contract.json"))));

    private readonly JsonElement _root;

    private StripeContract(string json) => _root = JsonDocument.Parse(json).RootElement.Clone();

    public static StripeContract Instance => Loaded.Value;

    public string ApiVersion => _root.GetProperty("apiVersion").GetString()!;

    public IEnumerable<string> ErrorObjectProperties => _root.GetProperty("errorObject").GetProperty("properties").EnumerateArray().Select(e => e.GetString()!);

    public IEnumerable<string> ErrorTypes => _root.GetProperty("errorObject").GetProperty("type").EnumerateArray().Select(e => e.GetString()!);

    /// <summary>A published example object, as a mutable node (tests change a field or two, never invent objects).</summary>
    public JsonObject Fixture(string resource) =>
        JsonNode.Parse(_root.GetProperty("fixtures").GetProperty(resource).GetRawText())!.AsObject();

    public string FixtureJson(string resource) => _root.GetProperty("fixtures").GetProperty(resource).GetRawText();

    /// <summary>The operation a request targets, or null. A literal path wins over a template (search over {intent}).</summary>
    public JsonElement? FindOperation(string method, string path)
    {
        JsonElement? best = null;
        var bestLiterals = -1;
        foreach (var op in _root.GetProperty("operations").EnumerateArray())
        {
            if (string.Equals(op.GetProperty("method").GetString(), method, StringComparison.OrdinalIgnoreCase)
                && OpenApiContract.MatchTemplate(op.GetProperty("path").GetString()!, path) is { } match
                && match.Literals > bestLiterals)
            {
                best = op;
                bestLiterals = match.Literals;
            }
        }

        return best;
    }

    /// <summary>Everything about a request that the spec does not allow; empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(RecordedRequest request)
    {
        var violations = new List<string>();
        var method = request.Method.Method.ToLowerInvariant();
        if (FindOperation(method, request.Path) is not { } op)
        {
            return [$"{request.Method} {request.Path}: no such operation in the spec"];
        }

        var name = op.GetProperty("operationId").GetString();
        if (request.Header("Stripe-Version") != ApiVersion)
        {
            violations.Add($"{name}: Stripe-Version is '{request.Header("Stripe-Version")}', expected {ApiVersion}");
        }

        if (request.Header("Authorization") is not { } auth || !auth.StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            violations.Add($"{name}: no bearer secret key");
        }

        if (method != "get" && string.IsNullOrEmpty(request.Header("Idempotency-Key")))
        {
            violations.Add($"{name}: a mutating request has no Idempotency-Key");
        }

        if (method == "post")
        {
            if (request.ContentType != "application/x-www-form-urlencoded")
            {
                violations.Add($"{name}: content type is '{request.ContentType}'");
            }

            if (request.Uri.Query.Length > 1)
            {
                violations.Add($"{name}: a POST carries a query string '{request.Uri.Query}'");
            }
        }

        CheckParameters(op, method, name, request, violations);
        return violations;
    }

    private static void CheckParameters(JsonElement op, string method, string? name, RecordedRequest request, List<string> violations)
    {
        var (declared, required) = Declared(op, method);
        var roots = new HashSet<string>(StringComparer.Ordinal);

        // Every nested object a request fills in (such as line_items[0][price_data]), with its schema, and every key
        // prefix sent, so that an object's own required members are checked too (price_data needs currency).
        var objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Parameters)
        {
            var segments = Segments(key);
            roots.Add(segments[0]);
            if (!declared.TryGetValue(segments[0], out var schema))
            {
                violations.Add($"{name}: parameter '{key}' is not declared");
                continue;
            }

            var current = (JsonElement?)schema;
            var prefix = segments[0];
            prefixes.Add(prefix);
            foreach (var segment in segments.Skip(1))
            {
                objects.TryAdd(prefix, current!.Value);
                current = Child(current.Value, segment);
                if (current is null)
                {
                    violations.Add($"{name}: nested key '{key}' is not declared (at '[{segment}]')");
                    break;
                }

                prefix += "[" + segment + "]";
                prefixes.Add(prefix);
            }

            if (current is { } leaf && !Accepts(leaf, value))
            {
                violations.Add($"{name}: '{key}={value}' does not match its schema {leaf.GetRawText()}");
            }
        }

        foreach (var r in required.Where(r => !roots.Contains(r)))
        {
            violations.Add($"{name}: required parameter '{r}' is missing");
        }

        foreach (var (prefix, schema) in objects)
        {
            var members = Alternatives(schema)
                .Where(a => a.TryGetProperty("properties", out _) && a.TryGetProperty("required", out _))
                .SelectMany(a => a.GetProperty("required").EnumerateArray().Select(r => r.GetString()!));
            foreach (var member in members.Where(m => !prefixes.Contains(prefix + "[" + m + "]")))
            {
                violations.Add($"{name}: required nested parameter '{prefix}[{member}]' is missing");
            }
        }

    }

    private static (Dictionary<string, JsonElement> Declared, List<string> Required) Declared(JsonElement op, string method)
    {
        var declared = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var parameter in op.GetProperty("parameters").EnumerateArray())
        {
            if (parameter.GetProperty("in").GetString() != "query")
            {
                continue;
            }

            var pname = parameter.GetProperty("name").GetString()!;
            declared[pname] = parameter.GetProperty("schema");
            if (parameter.GetProperty("required").GetBoolean())
            {
                required.Add(pname);
            }
        }

        var body = op.GetProperty("body");
        if (method != "get")
        {
            foreach (var property in body.GetProperty("properties").EnumerateObject())
            {
                declared[property.Name] = property.Value;
            }

            required.AddRange(body.GetProperty("required").EnumerateArray().Select(r => r.GetString()!));
        }

        return (declared, required);
    }

    private static List<string> Segments(string key)
    {
        var bracket = key.IndexOf('[');
        if (bracket < 0)
        {
            return [key];
        }

        var segments = new List<string> { key[..bracket] };
        foreach (Match m in Regex.Matches(key[bracket..], @"\[([^\]]*)\]"))
        {
            segments.Add(m.Groups[1].Value);
        }

        return segments;
    }

    private static IEnumerable<JsonElement> Alternatives(JsonElement schema) =>
        schema.TryGetProperty("anyOf", out var anyOf) ? anyOf.EnumerateArray().SelectMany(Alternatives) : [schema];

    private static JsonElement? Child(JsonElement schema, string segment)
    {
        foreach (var alternative in Alternatives(schema))
        {
            if (segment.Length == 0 || int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                if (alternative.TryGetProperty("items", out var items))
                {
                    return items;
                }

                continue;
            }

            if (alternative.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property))
            {
                return property;
            }

            if (alternative.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            {
                return additional;
            }
        }

        return null;
    }

    private static bool Accepts(JsonElement schema, string value) => Alternatives(schema).Any(alternative =>
    {
        if (alternative.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String ? v.GetString() == value : v.ToString() == value);
        }

        var type = alternative.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "string" => true,
            "boolean" => value is "true" or "false",
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ => false,
        };
    });
}
