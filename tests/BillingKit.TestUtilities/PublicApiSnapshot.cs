using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace BillingKit.TestUtilities;

/// <summary>
/// Writes an assembly's public surface as sorted text and compares it with the checked-in
/// <c>PublicApi/&lt;Assembly&gt;.txt</c> beside the calling test project. On a difference it writes
/// <c>&lt;Assembly&gt;.received.txt</c> and fails: review the diff, and copy the received file over the
/// checked-in one to accept the change.
/// </summary>
public static class PublicApiSnapshot
{
    public static void Verify(Assembly assembly, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(FindProjectFolder(callerPath), "PublicApi");
        var name = assembly.GetName().Name!;
        var approvedPath = Path.Combine(folder, name + ".txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var actual = Describe(assembly);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (string.Equals(actual, approved, StringComparison.Ordinal))
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(
            $"The public API of {name} changed. Review the difference between {receivedPath} and {approvedPath}; " +
            "if it is intended, copy the received file over the approved one.");
    }

    public static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        var nullability = new NullabilityInfoContext();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add(TypeHeader(type));
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(Flags))
            {
                var line = Member(member, nullability);
                if (line is not null)
                {
                    lines.Add(TypeName(type) + "::" + line);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    private static string FindProjectFolder(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !Directory.EnumerateFiles(directory, "*.csproj").Any())
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"No project folder above {callerPath}.");
    }

    private static string TypeHeader(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
        var modifiers = type.IsClass && !type.IsAbstract && type.IsSealed ? "sealed " : type.IsClass && type.IsAbstract && !type.IsSealed ? "abstract " : string.Empty;
        var readOnly = type.IsValueType && type.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute") ? "readonly " : string.Empty;
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(TypeName(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(TypeName).Order(StringComparer.Ordinal));
        var experimental = type.GetCustomAttributes().Any(a => a.GetType().Name == "ExperimentalAttribute") ? "[Experimental] " : string.Empty;
        return $"{experimental}{readOnly}{modifiers}{kind} {TypeName(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static string? Member(MemberInfo member, NullabilityInfoContext nullability)
    {
        switch (member)
        {
            case ConstructorInfo c when IsVisible(c):
                return $"{Access(c)}{(c.IsStatic ? "static " : string.Empty)}.ctor({Parameters(c.GetParameters(), nullability)})";
            case MethodInfo m when IsVisible(m) && !m.IsSpecialName:
                return $"{Access(m)}{Modifiers(m)}{Nullable(m.ReturnParameter, nullability)} {m.Name}{Generic(m)}({Parameters(m.GetParameters(), nullability)})";
            case MethodInfo m when IsVisible(m) && m.Name.StartsWith("op_", StringComparison.Ordinal):
                return $"{Access(m)}static {TypeName(m.ReturnType)} {m.Name}({Parameters(m.GetParameters(), nullability)})";
            case PropertyInfo p:
                var accessors = p.GetAccessors(nonPublic: true).Where(IsVisible).ToList();
                if (accessors.Count == 0)
                {
                    return null;
                }

                var getter = p.GetMethod is { } g && IsVisible(g) ? "get; " : string.Empty;
                var setter = p.SetMethod is { } s && IsVisible(s)
                    ? (s.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init; " : "set; ")
                    : string.Empty;
                var indexer = p.GetIndexParameters() is { Length: > 0 } ip ? "[" + Parameters(ip, nullability) + "]" : string.Empty;
                return $"{Access(accessors[0])}{Modifiers(accessors[0])}{Nullable(nullability.Create(p))} {p.Name}{indexer} {{ {getter}{setter}}}";
            case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                if (f.DeclaringType!.IsEnum)
                {
                    return f.IsStatic ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : null;
                }

                return $"{(f.IsPublic ? "public " : "protected ")}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Nullable(nullability.Create(f))} {f.Name}";
            case EventInfo e when e.AddMethod is { } add && IsVisible(add):
                return $"{Access(add)}event {TypeName(e.EventHandlerType!)} {e.Name}";
            case Type nested when nested.IsNestedPublic:
                return null; // listed as its own exported type
            default:
                return null;
        }
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method) =>
        method.IsStatic ? "static " : method.IsAbstract && !method.DeclaringType!.IsInterface ? "abstract " : method.IsVirtual && !method.IsFinal && !method.DeclaringType!.IsInterface ? "virtual " : string.Empty;

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(ParameterInfo[] parameters, NullabilityInfoContext nullability) =>
        string.Join(", ", parameters.Select(p =>
        {
            var prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty;
            var isParams = p.GetCustomAttributes().Any(a => a.GetType().Name is "ParamArrayAttribute" or "ParamCollectionAttribute") ? "params " : string.Empty;
            var optional = p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : string.Empty;
            return $"{isParams}{prefix}{Nullable(p, nullability)} {p.Name}{optional}";
        }));

    private static string Nullable(ParameterInfo parameter, NullabilityInfoContext context)
    {
        try
        {
            return Nullable(context.Create(parameter));
        }
        catch (InvalidOperationException)
        {
            return TypeName(parameter.ParameterType);
        }
    }

    private static string Nullable(NullabilityInfo info)
    {
        var type = info.Type;
        var name = TypeName(type.IsByRef ? type.GetElementType()! : type);
        var nullableReference = !type.IsValueType && info.ReadState == NullabilityState.Nullable;
        return nullableReference ? name + "?" : name;
    }

    private static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? type.Name : type.Namespace + "." + type.Name);
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var sb = new StringBuilder(tick >= 0 ? name[..tick] : name);
        sb.Append('<').AppendJoin(", ", type.GetGenericArguments().Select(TypeName)).Append('>');
        return sb.ToString();
    }
}
