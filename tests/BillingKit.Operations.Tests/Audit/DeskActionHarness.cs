using System.Reflection;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BillingKit.Operations.Tests;

/// <summary>
/// Finds the desk's actions by reflection and runs each on a fresh desk, so that the audit convention ("every
/// public mutating desk action writes exactly one audit record with actor and reason") covers actions nobody wrote
/// a test for yet. Desk services added later only need to register in <see cref="DeskFixture"/> and, for
/// parameters the defaults cannot make, an arrangement in <see cref="DeskArguments"/>.
/// </summary>
public static class DeskActionHarness
{
    public static Assembly DeskAssembly => typeof(DeskActionAttribute).Assembly;

    /// <summary>Every public method marked <see cref="DeskActionAttribute"/> on a public type.</summary>
    public static IReadOnlyList<MethodInfo> DeskActions() =>
        [.. PublicMethods().Where(m => m.GetCustomAttribute<DeskActionAttribute>() is not null)];

    /// <summary>Public instance methods (static helpers such as <see cref="DeskAuthorizer"/> write nothing) that act for someone (take an <see cref="Actor"/> or a <see cref="DeskRequest"/>) but
    /// are marked neither as a desk action nor as a desk query: each is an audit hole.</summary>
    public static IReadOnlyList<MethodInfo> UnclassifiedActorMethods() =>
        [
            .. PublicMethods().Where(m =>
                m.GetParameters().Any(p => p.ParameterType == typeof(Actor) || p.ParameterType == typeof(DeskRequest))
                && m.GetCustomAttribute<DeskActionAttribute>() is null
                && m.GetCustomAttribute<DeskQueryAttribute>() is null),
        ];

    public static string Describe(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>Runs one desk action for an actor on a fresh desk, after its arrangements, and returns the audit
    /// records it wrote (those written while arranging are not counted) and what it threw.</summary>
    public static async Task<DeskActionRun> RunAsync(MethodInfo method, Actor actor, DeskArguments arguments, string reason = "Harness: checking the audit convention")
    {
        await using var desk = DeskFixture.Create();
        var service = desk.Services.GetRequiredService(method.DeclaringType!);
        var request = DeskFixture.Request(actor, reason);
        var action = method.GetCustomAttribute<DeskActionAttribute>()!;
        var values = await arguments.BuildAsync(action.Action, method, desk);
        var before = desk.Audit.Count;
        ITenantUnitOfWork? unit = null;
        Exception? thrown = null;
        try
        {
            var parameters = method.GetParameters();
            var call = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                call[i] = parameters[i].ParameterType switch
                {
                    var t when t == typeof(DeskRequest) => request,
                    var t when t == typeof(ITenantUnitOfWork) => unit = await desk.BeginAsync(),
                    var t when t == typeof(CancellationToken) => CancellationToken.None,
                    _ => values[parameters[i].Name!],
                };
            }

            var result = method.Invoke(service, call);
            if (result is Task task)
            {
                await task;
            }

            if (unit is not null)
            {
                await unit.CommitAsync();
            }
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            thrown = exception.InnerException;
        }
        catch (Exception exception)
        {
            thrown = exception;
        }
        finally
        {
            if (unit is not null)
            {
                await unit.DisposeAsync();
            }
        }

        var records = await desk.AuditRecordsAsync();
        return new DeskActionRun(action, request, [.. records.Skip(before)], thrown);
    }

    private static IEnumerable<MethodInfo> PublicMethods() =>
        DeskAssembly.GetExportedTypes()
            .Where(t => t.IsClass)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !ObjectMembers.Contains(m.Name));

    /// <summary>Members every record has (value equality); they act for no one.</summary>
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal) { "Equals", "GetHashCode", "ToString", "Deconstruct", "<Clone>$" };
}

/// <summary>What one harness run of a desk action left behind.</summary>
public sealed record DeskActionRun(DeskActionAttribute Action, DeskRequest Request, IReadOnlyList<AuditRecord> Records, Exception? Thrown);
