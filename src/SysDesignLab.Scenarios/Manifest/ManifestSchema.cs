using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// The JSON Schema of scenario.json (<see cref="FilePath"/>), generated from the manifest types as the
/// loader reads them, so an editor completes and checks a manifest while it is written. Descriptions come
/// from the types' [Description] attributes, vocabularies and requirements from <see cref="ManifestSchemaRules"/>.
/// </summary>
public static class ManifestSchema
{
    /// <summary>Where the generated schema is kept, relative to the repository root.</summary>
    public const string FilePath = "docs/scenario.schema.json";

    public const string RegenerateCommand = "bash scripts/write-schema.sh";

    // Draft-07 rather than 2020-12: VS Code's JSON service (and other editors') implement it completely,
    // and nothing the exporter writes here (no $ref, no prefixItems) needs a later draft.
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    public static string Generate()
    {
        var options = new JsonSerializerOptions(ManifestLoader.Options)
        {
            // The loader matches names case-insensitively, which a schema can't express: it names them as
            // every manifest writes them, camelCase ("$schema" keeps its own name).
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        var applied = new HashSet<object>();
        var itemRules = new List<Action>();
        var exported = options.GetJsonSchemaAsNode(typeof(ScenarioManifest), new JsonSchemaExporterOptions
        {
            // Generic arguments carry no nullable annotation; a List<string> holds strings, not nulls.
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context, node, applied, itemRules),
        }).AsObject();
        InlineReferences(exported);
        // After inlining: the items are copies by then, and the rule must not reach a login that was a $ref to them.
        itemRules.ForEach(apply => apply());
        ThrowOnStaleRules(applied);

        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["$comment"] = $"Generated from the manifest types (src/SysDesignLab.Scenarios/Manifest) by {RegenerateCommand}; do not edit.",
            ["title"] = "SysDesign Lab scenario manifest (scenario.json)",
        };
        MoveAll(exported, schema);
        var text = schema.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            // Readable descriptions and operators: "<=" rather than "\u003C=".
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return text + "\n";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node, HashSet<object> applied, List<Action> itemRules)
    {
        if (context.PropertyInfo?.AttributeProvider is PropertyInfo shaped
            && ManifestSchemaRules.Shapes.FirstOrDefault(r => r.Property.Is(shaped)) is { Schema: not null } shape)
        {
            node = shape.Schema();
            applied.Add(shape.Property);
        }
        if (node is not JsonObject schema)
        {
            return node; // `true`: a JsonElement takes any value (a probe's parameter values)
        }
        if (schema.ContainsKey("properties"))
        {
            if (context.TypeInfo.Type == typeof(CriterionSpec))
            {
                AddProbeSettings(schema["properties"]!.AsObject(), context.TypeInfo.Options);
            }
            // Also what the loader does (unmapped members are disallowed): a misspelled field is an error.
            schema["additionalProperties"] = false;
            if (ManifestSchemaRules.Required.TryGetValue(context.TypeInfo.Type, out var required))
            {
                Require(schema, context.TypeInfo, required);
                applied.Add(context.TypeInfo.Type);
            }
        }
        var member = context.PropertyInfo?.AttributeProvider as PropertyInfo;
        if (member is not null)
        {
            ApplyPropertyRules(context, member, schema, applied, itemRules);
            AddDefault(member, schema);
        }
        var description = member?.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? context.TypeInfo.Type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (description is not null)
        {
            // First, as it is what a reader of the file looks for; in place, as itemRules hold this node.
            var rest = new JsonObject();
            MoveAll(schema, rest);
            schema["description"] = description;
            MoveAll(rest, schema);
        }
        return schema;
    }

    /// <summary>
    /// A probe's own criterion fields (ICheckProbe.SettingsType) are criterion fields too: the validator
    /// accepts them, so the schema lists them, described "probe-name: …".
    /// </summary>
    private static void AddProbeSettings(JsonObject properties, JsonSerializerOptions options)
    {
        var registry = Engine.LabRegistry.Default;
        foreach (var name in registry.ProbeNames.Order(StringComparer.Ordinal))
        {
            if (registry.Probe(name)?.SettingsType is not { } settingsType)
            {
                continue;
            }
            var settings = options.GetTypeInfo(settingsType);
            foreach (var property in settings.Properties.Where(p => !properties.ContainsKey(p.Name)))
            {
                var node = options.GetJsonSchemaAsNode(property.PropertyType, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
                if ((property.AttributeProvider as MemberInfo)?.GetCustomAttribute<DescriptionAttribute>()?.Description is { } description)
                {
                    var rest = new JsonObject();
                    MoveAll(node, rest);
                    node["description"] = $"{name}: {description}";
                    MoveAll(rest, node);
                }
                properties[property.Name] = node;
            }
        }
    }

    private static void ApplyPropertyRules(
        JsonSchemaExporterContext context, PropertyInfo member, JsonObject schema, HashSet<object> applied, List<Action> itemRules)
    {
        foreach (var (property, values) in ManifestSchemaRules.Enums.Where(r => r.Property.Is(member)))
        {
            var allowed = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            if (Types(schema).Contains("null"))
            {
                allowed.Add(null); // optional and nullable: the loader takes null as absent
            }
            schema["enum"] = allowed;
            applied.Add(property);
        }
        foreach (var (property, values) in ManifestSchemaRules.Examples.Where(r => r.Property.Is(member)))
        {
            schema["examples"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            applied.Add(property);
        }
        foreach (var (list, names) in ManifestSchemaRules.RequiredInItems.Where(r => r.List.Is(member)))
        {
            var elementType = context.TypeInfo.ElementType
                ?? throw new InvalidOperationException($"Stale schema rule: {member.DeclaringType?.Name}.{member.Name} is no longer a list.");
            var elementInfo = context.TypeInfo.Options.GetTypeInfo(elementType);
            itemRules.Add(() => Require(schema["items"]!.AsObject(), elementInfo, names));
            applied.Add(list);
        }
    }

    /// <summary>
    /// Adds <paramref name="names"/> to the object's required list. The validator's "required" is more
    /// than present: not null either, a string or a list not empty, a count (users) at least 1.
    /// </summary>
    private static void Require(JsonObject objectSchema, JsonTypeInfo typeInfo, IEnumerable<string> names)
    {
        var properties = objectSchema["properties"]!.AsObject();
        var required = (objectSchema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var jsonName = typeInfo.Properties.FirstOrDefault(p => (p.AttributeProvider as MemberInfo)?.Name == name)?.Name
                ?? throw new InvalidOperationException($"Stale schema rule: {typeInfo.Type.Name} has no property {name}.");
            required.Add(jsonName);
            var property = properties[jsonName]!.AsObject();
            var types = Types(property).Where(t => t != "null").ToArray();
            if (types.Length == 1)
            {
                property["type"] = types[0];
            }
            if (types is ["string"] && !property.ContainsKey("enum"))
            {
                property["minLength"] = 1;
            }
            else if (types is ["array"])
            {
                property["minItems"] = 1;
            }
            else if (types is ["integer"])
            {
                property["minimum"] = 1;
            }
        }
        // In the properties' order, so the file doesn't depend on which rule came first; and always
        // before additionalProperties, wherever the exporter or an earlier rule put either.
        objectSchema.Remove("required");
        objectSchema["required"] = new JsonArray([.. properties.Select(p => p.Key).Where(required.Contains).Select(k => (JsonNode?)k)]);
        if (objectSchema["additionalProperties"] is { } additional)
        {
            objectSchema.Remove("additionalProperties");
            objectSchema["additionalProperties"] = additional;
        }
    }

    /// <summary>A property's initial value, when it means something (not "", 0 or an empty list): "GET", "/health", 1 replica.</summary>
    private static void AddDefault(PropertyInfo member, JsonObject schema)
    {
        if (member.DeclaringType is not { IsAbstract: false } type || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return;
        }
        JsonNode? value = member.GetValue(Activator.CreateInstance(type)) switch
        {
            string { Length: > 0 } text => text,
            int and not 0 and var number => number,
            long and not 0 and var number => number,
            double and not 0 and var number => number,
            _ => null,
        };
        if (value is not null)
        {
            schema["default"] = value;
        }
    }

    /// <summary>
    /// The exporter writes a type met again as a $ref to where it first appeared. Inlined, a place can
    /// differ from the other (an endpoint of a list needs a name, a login doesn't), and editors show the
    /// nested fields without following pointers into another property.
    /// </summary>
    private static void InlineReferences(JsonObject root)
    {
        void Visit(JsonNode? node, int depth)
        {
            if (depth > 64)
            {
                throw new InvalidOperationException("A manifest type contains itself; its schema can't be inlined.");
            }
            if (node is JsonObject schema)
            {
                if (schema["$ref"] is JsonValue reference)
                {
                    schema.Remove("$ref");
                    var target = Resolve(root, reference.GetValue<string>()).DeepClone().AsObject();
                    // The referring place keeps its own keys (its property's description).
                    MoveAll(target, schema, overwrite: false);
                }
                foreach (var (_, child) in schema.ToList())
                {
                    Visit(child, depth + 1);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array.ToList())
                {
                    Visit(child, depth + 1);
                }
            }
        }
        Visit(root, 0);
    }

    private static JsonNode Resolve(JsonObject root, string pointer)
    {
        if (!pointer.StartsWith("#", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The exporter wrote an external $ref '{pointer}'.");
        }
        JsonNode node = root;
        foreach (var segment in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node[key] ?? throw new InvalidOperationException($"The $ref '{pointer}' points nowhere.");
        }
        return node;
    }

    private static string[] Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => [.. types.Select(t => t!.GetValue<string>())],
        JsonValue type => [type.GetValue<string>()],
        _ => [],
    };

    private static void MoveAll(JsonObject from, JsonObject to, bool overwrite = true)
    {
        foreach (var (key, value) in from.ToList())
        {
            if (overwrite || !to.ContainsKey(key))
            {
                from.Remove(key);
                to[key] = value;
            }
        }
    }

    private static void ThrowOnStaleRules(HashSet<object> applied)
    {
        static string Name(PropertyInfo p) => $"{p.DeclaringType?.Name}.{p.Name}";
        List<(object Rule, string Name)> rules =
        [
            .. ManifestSchemaRules.Required.Keys.Select(t => ((object)t, t.Name)),
            .. ManifestSchemaRules.RequiredInItems.Select(r => ((object)r.List, Name(r.List))),
            .. ManifestSchemaRules.Enums.Concat(ManifestSchemaRules.Examples).Select(r => ((object)r.Property, Name(r.Property))),
            .. ManifestSchemaRules.Shapes.Select(r => ((object)r.Property, Name(r.Property))),
        ];
        var stale = rules.Where(r => !applied.Contains(r.Rule)).Select(r => r.Name).ToList();
        if (stale.Count > 0)
        {
            throw new InvalidOperationException(
                $"Schema rules that no longer match the manifest types: {string.Join(", ", stale)}; update ManifestSchemaRules.");
        }
    }
}
