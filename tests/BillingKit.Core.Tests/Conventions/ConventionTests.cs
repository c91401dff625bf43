using System.Reflection;
using System.Runtime.CompilerServices;

namespace BillingKit.Core.Tests;

public class ConventionTests
{
    private static readonly Assembly Core = typeof(BillingKit.Money).Assembly;

    [Fact]
    public void Public_structs_are_readonly()
    {
        var mutable = Core.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.GetCustomAttribute<IsReadOnlyAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(mutable);
    }

    [Fact]
    public void Library_exceptions_derive_from_BillingException()
    {
        var strays = Core.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(BillingException).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void Money_has_no_floating_point_member()
    {
        var floating = typeof(BillingKit.Money).GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .SelectMany(Types)
            .Where(t => t == typeof(double) || t == typeof(float))
            .ToList();

        Assert.Empty(floating);
    }

    private static IEnumerable<Type> Types(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        _ => [],
    };
}
