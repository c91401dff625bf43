using System.Text;

namespace BillingKit.PostgreSql;

/// <summary>A hash that is the same in every process and version (FNV-1a over UTF-8), for advisory lock keys.</summary>
internal static class StableHash
{
    public static int Of(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = (hash ^ b) * 16777619u;
            }

            return (int)hash;
        }
    }
}
