using System.Text;

namespace BillingKit.Operations;

/// <summary>A signed pay link: its claims and the token to put in the payment page's address.</summary>
/// <remarks>The token is a bearer credential for paying one invoice: send it only to the customer. It is left out
/// of <see cref="ToString"/>, logs and audit records.</remarks>
/// <param name="Claims">What the link says.</param>
/// <param name="Token">The URL-safe token, such as <c>pl1.eyJ...</c>.</param>
public sealed record PayLink(PayLinkClaims Claims, string Token)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Claims = ").Append(Claims).Append(", Token = (hidden)");
        return true;
    }
}
