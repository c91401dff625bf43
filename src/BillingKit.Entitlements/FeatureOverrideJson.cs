using System.Text.Json;

namespace BillingKit.Entitlements;

/// <summary>Parses feature overrides given as a JSON object such as <c>{"offline_bundles": true, "seat_cap": 10}</c>.</summary>
internal static class FeatureOverrideJson
{
    /// <summary>Parses the object: <c>true</c>/<c>false</c> are flags, whole numbers are numbers, strings are text,
    /// and <c>null</c> removes the override.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The values by feature; a <see langword="null"/> value means "remove".</returns>
    /// <exception cref="InvalidFeatureOverrideException">The text is not a JSON object of supported values.</exception>
    internal static IReadOnlyList<KeyValuePair<Feature, FeatureValue?>> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidFeatureOverrideException(
                $"Feature overrides are not valid JSON ({exception.Message}); expected an object such as {{\"offline_bundles\": true}}.", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidFeatureOverrideException(
                    $"Feature overrides must be a JSON object such as {{\"offline_bundles\": true}}, not a {document.RootElement.ValueKind}.");
            }

            var result = new List<KeyValuePair<Feature, FeatureValue?>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Metric.IsValidKey(property.Name))
                {
                    throw new InvalidFeatureOverrideException(
                        $"'{property.Name}' is not a valid feature key: expected 1 to {Metric.MaxKeyLength} lower-case ASCII letters, digits, '.', '_' or '-'.");
                }

                result.Add(new(Feature.Of(property.Name), ValueOf(property)));
            }

            return result;
        }
    }

    private static FeatureValue? ValueOf(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.True => FeatureValue.On,
        JsonValueKind.False => FeatureValue.Off,
        JsonValueKind.Null => null,
        JsonValueKind.String => FeatureValue.FromText(property.Value.GetString()!),
        JsonValueKind.Number when property.Value.TryGetInt64(out var number) => FeatureValue.FromNumber(number),
        _ => throw new InvalidFeatureOverrideException(
            $"Feature '{property.Name}' has the unsupported value {property.Value.GetRawText()}; expected true, false, a whole number, a string or null (to remove the override)."),
    };
}
