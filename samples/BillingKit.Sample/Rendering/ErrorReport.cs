using System.Data.Common;
using BillingKit.Operations;
using BillingKit.Sample.Commands;
using Microsoft.Extensions.Options;
using Spectre.Console;
using LedgerReasonRequired = BillingKit.Ledger.ReasonRequiredException;

namespace BillingKit.Sample.Rendering;

/// <summary>
/// Turns what went wrong into one clear message and an exit code. Never prints a stack trace: BillingKit's exceptions
/// already say what was wrong and what was expected.
/// </summary>
internal static class ErrorReport
{
    public static int Render(IAnsiConsole console, Exception exception)
    {
        var (title, code) = exception switch
        {
            PermissionDeniedException => ("Permission denied", ExitCodes.PermissionDenied),
            ReasonRequiredException or LedgerReasonRequired => ("Reason required", ExitCodes.InvalidInput),
            SampleInputException => ("Invalid input", ExitCodes.InvalidInput),
            BillingException or ArgumentException or OptionsValidationException => ("Invalid request", ExitCodes.InvalidInput),
            DbException => ("Database unavailable", ExitCodes.Unavailable),
            OperationCanceledException => ("Canceled", ExitCodes.Failure),
            _ => ("Unexpected error", ExitCodes.Failure),
        };

        var message = exception is BillingException or ArgumentException or OptionsValidationException or SampleInputException or DbException
            or OperationCanceledException or OperationCanceledException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";
        console.MarkupLine($"[red bold]✘ {title}:[/] [red]{Markup.Escape(message)}[/]");
        if (exception is PermissionDeniedException)
        {
            console.MarkupLine("[grey]Try another role with --as (support, finance, billing-admin, super-admin).[/]");
        }

        return code;
    }
}
