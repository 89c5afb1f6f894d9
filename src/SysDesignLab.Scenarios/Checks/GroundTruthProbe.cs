using System.Globalization;
using System.Text.Json;
using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Correctness: asks the app for a few pages and compares them, row by row and field by field,
/// with what the ground-truth SQL returns from the same database. Latency fixes that return
/// wrong, stale or hard-coded data fail here.
/// </summary>
public static class GroundTruthProbe
{
    public static async Task<CriterionResult> RunAsync(CriterionSpec criterion, HttpClient http, Uri baseUrl, PostgresDatabase database, CancellationToken cancellationToken)
    {
        var checkedValues = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var value in criterion.Values)
        {
            var text = ProbeValue.ToText(value);
            var path = criterion.Request!.Replace($"{{{criterion.Parameter}}}", Uri.EscapeDataString(text), StringComparison.Ordinal);
            var expected = await QueryAsync(connection, criterion, value, cancellationToken);
            string body;
            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl, path), cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return Fail(criterion, checkedValues, $"GET {path} answered {(int)response.StatusCode}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return Fail(criterion, checkedValues, $"GET {path} failed: {e.Message}");
            }
            var mismatch = Compare(expected, body, criterion.Fields);
            if (mismatch is not null)
            {
                return Fail(criterion, checkedValues, $"GET {path}: {mismatch}");
            }
            checkedValues++;
        }
        return new CriterionResult(criterion.Name, criterion.Kind, true, Expected(criterion), $"{checkedValues}/{criterion.Values.Count} match", criterion.Where);
    }

    /// <summary>Null when the body holds the expected rows, else what differs first.</summary>
    public static string? Compare(IReadOnlyList<Dictionary<string, string?>> expected, string body, IReadOnlyList<string> fields)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
        using (document)
        {
            // One object answers a single-row query (GET /posts/42); an array answers a list.
            var items = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement.EnumerateArray().ToList(),
                JsonValueKind.Object when expected.Count == 1 => [document.RootElement],
                _ => null,
            };
            if (items is null)
            {
                return $"expected {(expected.Count == 1 ? "a JSON object" : "a JSON array")}, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
            }
            if (items.Count != expected.Count)
            {
                return $"expected {expected.Count} items, got {items.Count}";
            }
            for (var i = 0; i < items.Count; i++)
            {
                foreach (var field in fields)
                {
                    var want = expected[i].GetValueOrDefault(Normalize(field));
                    var got = FieldValue(items[i], field);
                    if (want != got)
                    {
                        return $"item {i + 1} has {field} = {got ?? "(missing)"}, the database says {want ?? "(null)"}";
                    }
                }
            }
            return null;
        }
    }

    private static async Task<List<Dictionary<string, string?>>> QueryAsync(NpgsqlConnection connection, CriterionSpec criterion, JsonElement value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(criterion.Sql, connection);
        command.Parameters.AddWithValue(criterion.Parameter!, ProbeValue.ToSql(value));
        var rows = new List<Dictionary<string, string?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, string?>();
            for (var c = 0; c < reader.FieldCount; c++)
            {
                row[Normalize(reader.GetName(c))] = reader.IsDBNull(c) ? null : Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static string? FieldValue(JsonElement item, string field)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in item.EnumerateObject())
        {
            if (Normalize(property.Name) == Normalize(field))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        return null;
    }

    /// <summary>created_at, createdAt and CreatedAt name the same field.</summary>
    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string Expected(CriterionSpec criterion) => $"{criterion.Values.Count}/{criterion.Values.Count} match";

    private static CriterionResult Fail(CriterionSpec criterion, int matched, string what) =>
        new(criterion.Name, criterion.Kind, false, Expected(criterion), $"{matched}/{criterion.Values.Count} match; {what}", criterion.Where);
}
