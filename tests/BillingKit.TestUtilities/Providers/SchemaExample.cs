using System.Text.Json;
using System.Text.Json.Nodes;

namespace BillingKit.TestUtilities.Providers;

/// <summary>Builds a JSON object that satisfies a schema of the spec: every required field, with a placeholder of the
/// declared type, then the test's own values laid over it. Responses used in tests thus have the shape the
/// provider documents, not only the fields the adapter happens to read.</summary>
public static class SchemaExample
{
    public static JsonObject Build(OpenApiContract contract, string schemaName, string overlayJson)
    {
        var schema = contract.Root.GetProperty("components").GetProperty("schemas").GetProperty(schemaName);
        var node = (JsonObject)Placeholder(contract, schema)!;
        Overlay(node, JsonNode.Parse(overlayJson)!.AsObject());
        return node;
    }

    private static JsonNode? Placeholder(OpenApiContract contract, JsonElement schema)
    {
        schema = Resolve(contract, schema);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                if (schema.TryGetProperty("required", out var required) && schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        result[name] = properties.TryGetProperty(name, out var child) ? Placeholder(contract, child) : null;
                    }
                }

                return result;
            case "array":
                return new JsonArray();
            case "string":
                return schema.TryGetProperty("enum", out var values) ? values[0].GetString() : "x";
            case "integer" or "number":
                return 1;
            case "boolean":
                return true;
            default:
                return null;
        }
    }

    private static JsonElement Resolve(OpenApiContract contract, JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
        {
            node = contract.Root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part);
            }
        }

        return node;
    }

    private static void Overlay(JsonObject target, JsonObject overlay)
    {
        foreach (var (name, value) in overlay.ToList())
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Overlay(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
