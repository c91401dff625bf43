using System.Reflection;
using BillingKit.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BillingKit.Operations.Tests.Conventions;

/// <summary>
/// Runs any public desk method by reflection on a fresh desk built with <c>AddBillingKit()</c> and seeded by
/// <see cref="ConventionArguments"/>, and returns the audit records it wrote (not those written while arranging)
/// and what it threw. Finding the methods is the foundation's <see cref="DeskActionHarness"/>.
/// </summary>
public static class ConventionHarness
{
    public static Assembly DeskAssembly => typeof(DeskActionAttribute).Assembly;

    /// <summary>The desk's public services: exported classes that are not stores, sinks or other implementations of
    /// a port (those do not act for anyone), records, options, exceptions or attributes.</summary>
    public static IReadOnlyList<Type> DeskServices() =>
        [
            .. DeskAssembly.GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract && !(t.IsAbstract && t.IsSealed) && t.GetInterfaces().Length == 0
                    && !typeof(Exception).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t)
                    && !t.Name.EndsWith("Options", StringComparison.Ordinal)
                    && t.GetMethod("<Clone>$") is null),
        ];

    /// <summary>Public instance methods of desk services that return a task: each must be a desk action or query.</summary>
    public static IReadOnlyList<MethodInfo> AsyncMethods() =>
        [
            .. DeskServices()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(m => !m.IsSpecialName && (typeof(Task).IsAssignableFrom(m.ReturnType) || m.ReturnType == typeof(ValueTask)
                    || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))),
        ];

    public static IReadOnlyList<MethodInfo> DeskQueries() =>
        [.. AsyncMethods().Where(m => m.GetCustomAttribute<DeskQueryAttribute>() is not null)];

    public static async Task<DeskActionRun> RunActionAsync(MethodInfo method, Actor actor, ConventionArguments arguments, string reason)
    {
        var action = method.GetCustomAttribute<DeskActionAttribute>()
            ?? throw new InvalidOperationException($"{DeskActionHarness.Describe(method)} is not a desk action.");
        await using var desk = BillingKitDesk.Create();
        var seeded = await ConventionArguments.SeedAsync(desk);
        var tenant = arguments.TenantFor(action.Action);
        var request = new DeskRequest(actor, tenant, reason);
        var values = await arguments.BuildAsync(action.Action, method, seeded);
        var before = (await desk.AuditRecordsAsync()).Count;
        var thrown = await InvokeAsync(desk, method, values, request, tenant, actor);
        var records = await desk.AuditRecordsAsync();
        return new DeskActionRun(action, request, [.. records.Skip(before)], thrown);
    }

    public static async Task<(Exception? Thrown, int NewRecords)> RunQueryAsync(MethodInfo method, Actor actor, ConventionArguments arguments)
    {
        await using var desk = BillingKitDesk.Create();
        var seeded = await ConventionArguments.SeedAsync(desk);
        var values = await arguments.BuildAsync("query." + method.Name, method, seeded);
        var before = (await desk.AuditRecordsAsync()).Count;
        var thrown = await InvokeAsync(desk, method, values, null, ConventionArguments.Tenant, actor);
        return (thrown, (await desk.AuditRecordsAsync()).Count - before);
    }

    private static async Task<Exception?> InvokeAsync(BillingKitDesk desk, MethodInfo method, IReadOnlyDictionary<string, object?> values, DeskRequest? request, TenantId tenant, Actor actor)
    {
        var service = desk.Services.GetRequiredService(method.DeclaringType!);
        ITenantUnitOfWork? unit = null;
        try
        {
            var parameters = method.GetParameters();
            var call = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                call[i] = parameters[i].ParameterType switch
                {
                    var t when t == typeof(DeskRequest) => request,
                    var t when t == typeof(Actor) => actor,
                    var t when t == typeof(ITenantUnitOfWork) => unit = await desk.BeginAsync(tenant),
                    var t when t == typeof(CancellationToken) => CancellationToken.None,
                    var t when t == typeof(TenantId?) => tenant,
                    _ => values.TryGetValue(parameters[i].Name!, out var value) ? value : null,
                };
            }

            var result = method.Invoke(service, call);
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case ValueTask valueTask:
                    await valueTask;
                    break;
                case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                    await (Task)result.GetType().GetMethod("AsTask")!.Invoke(result, null)!;
                    break;
            }

            if (unit is not null)
            {
                await unit.CommitAsync();
            }

            return null;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            return exception.InnerException;
        }
        catch (Exception exception)
        {
            return exception;
        }
        finally
        {
            if (unit is not null)
            {
                await unit.DisposeAsync();
            }
        }
    }
}
