using System.Globalization;
using System.Text.Json;

namespace BillingKit.TestUtilities.Providers;

/// <summary>
/// Checks a request against an OpenAPI 3 document (JSON): the path and method exist, the query parameters are
/// declared, path parameters have their declared type, and the JSON body declares every field, holds every required
/// one, and gives each the declared type. Local <c>$ref</c>s are followed. Returns the problems; empty means valid.
/// </summary>
/// <remarks>Used with Paystack's trimmed spec and Flutterwave's contract. Stripe's trimmed spec is a list of
/// form-encoded operations, not an OpenAPI document: its checker shares <see cref="MatchTemplate"/>.</remarks>
public sealed class OpenApiContract
{
    private readonly JsonElement _root;
    private readonly string _basePath;

    private OpenApiContract(JsonElement root, string basePath)
    {
        _root = root;
        _basePath = basePath.TrimEnd('/');
    }

    public static OpenApiContract Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Contracts", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        var server = root.GetProperty("servers")[0].GetProperty("url").GetString()!;
        return new OpenApiContract(root, new Uri(server).AbsolutePath);
    }

    public JsonElement Root => _root;

    public IReadOnlyList<string> Check(HttpMethod method, Uri uri, string? body)
    {
        var problems = new List<string>();
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (_basePath.Length > 0 && path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            path = path[_basePath.Length..];
        }

        var match = FindPath(path);
        if (match is null)
        {
            problems.Add($"{method} {path}: no such path in the spec");
            return problems;
        }

        var (template, item, values) = match.Value;
        if (!item.TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
        {
            problems.Add($"{method} {template}: the spec declares no {method} on this path");
            return problems;
        }

        CheckParameters(method, uri, template, values, Parameters(item).Concat(Parameters(operation)).ToList(), problems);
        var schema = operation.TryGetProperty("requestBody", out var requestBody)
            ? Resolve(Resolve(requestBody).GetProperty("content").GetProperty("application/json").GetProperty("schema"))
            : default;
        if (string.IsNullOrEmpty(body))
        {
            if (schema.ValueKind != JsonValueKind.Undefined && schema.TryGetProperty("required", out var requiredFields) && requiredFields.GetArrayLength() > 0)
            {
                problems.Add($"{method} {template}: a body is required");
            }

            return problems;
        }

        if (schema.ValueKind == JsonValueKind.Undefined)
        {
            problems.Add($"{method} {template}: the spec declares no request body, but one was sent");
            return problems;
        }

        using var sent = JsonDocument.Parse(body);
        CheckObject($"{method} {template} body", sent.RootElement, schema, problems);
        return problems;
    }

    private static void CheckParameters(HttpMethod method, Uri uri, string template, List<(string Name, string Value)> values, List<JsonElement> parameters, List<string> problems)
    {
        foreach (var (name, value) in values)
        {
            var declared = parameters.FirstOrDefault(p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() == name);
            if (declared.ValueKind == JsonValueKind.Undefined)
            {
                problems.Add($"{method} {template}: path parameter {name} is not declared");
            }
            else if (TypeOf(declared.GetProperty("schema")) == "integer" && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{method} {template}: path parameter {name}='{value}' must be an integer");
            }
        }

        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=')[0]);
            if (!parameters.Any(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == name))
            {
                problems.Add($"{method} {template}: query parameter '{name}' is not declared");
            }
        }

        foreach (var required in parameters.Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("required", out var r) && r.GetBoolean()))
        {
            var name = required.GetProperty("name").GetString()!;
            if (!query.Split('&').Any(pair => Uri.UnescapeDataString(pair.Split('=')[0]) == name))
            {
                problems.Add($"{method} {template}: required query parameter '{name}' is missing");
            }
        }

    }

    /// <summary>Checks a JSON value (such as a response fixture) against a component schema.</summary>
    public IReadOnlyList<string> CheckValue(JsonElement value, string schemaRef)
    {
        var problems = new List<string>();
        CheckObject(schemaRef, value, Resolve(RefNode(schemaRef)), problems);
        return problems;
    }

    private void CheckObject(string where, JsonElement value, JsonElement schema, List<string> problems)
    {
        schema = Resolve(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var type = TypeOf(schema);
        if (!TypeMatches(type, value))
        {
            problems.Add($"{where}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (type == "string" && schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == value.GetString()))
        {
            problems.Add($"{where}: '{value.GetString()}' is not one of the declared values");
        }

        if (value.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!properties.TryGetProperty(property.Name, out var propertySchema))
            {
                problems.Add($"{where}: field '{property.Name}' is not declared");
                continue;
            }

            CheckObject($"{where}.{property.Name}", property.Value, propertySchema, problems);
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    problems.Add($"{where}: required field '{name}' is missing");
                }
            }
        }
    }

    private static bool TypeMatches(string? type, JsonElement value) => type switch
    {
        null => true,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };

    private static string? TypeOf(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) ? type.GetString() : null;

    private (string Template, JsonElement Item, List<(string Name, string Value)> Values)? FindPath(string path)
    {
        (string, JsonElement, List<(string, string)>)? best = null;
        var bestLiterals = -1;
        foreach (var candidate in _root.GetProperty("paths").EnumerateObject())
        {
            if (MatchTemplate(candidate.Name, path) is { } match && match.Literals > bestLiterals)
            {
                best = (candidate.Name, candidate.Value, match.Values);
                bestLiterals = match.Literals;
            }
        }

        return best;
    }

    /// <summary>Matches a path against a path template such as <c>/dispute/{id}</c>: the values of the placeholders
    /// and the number of literal segments (the template with more is the more specific), or null when it does not
    /// match. A placeholder matches one non-empty segment.</summary>
    public static (int Literals, List<(string Name, string Value)> Values)? MatchTemplate(string template, string path)
    {
        var segments = path.Trim('/').Split('/');
        var parts = template.Trim('/').Split('/');
        if (parts.Length != segments.Length)
        {
            return null;
        }

        var values = new List<(string, string)>();
        var literals = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
            {
                if (segments[i].Length == 0)
                {
                    return null;
                }

                values.Add((parts[i].Trim('{', '}'), segments[i]));
            }
            else if (parts[i] == segments[i])
            {
                literals++;
            }
            else
            {
                return null;
            }
        }

        return (literals, values);
    }

    private IEnumerable<JsonElement> Parameters(JsonElement node) =>
        node.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(Resolve) : [];

    private JsonElement Resolve(JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
        {
            node = RefNode(reference.GetString()!);
        }

        return node;
    }

    private JsonElement RefNode(string reference)
    {
        var node = _root;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }
}
