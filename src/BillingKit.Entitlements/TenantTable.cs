using System.Runtime.CompilerServices;

namespace BillingKit.Entitlements;

/// <summary>
/// The gate's tenants: a flat open-addressing hash table (linear probing, at most half full) from tenant id to
/// handle, built for the lookup on every request. A lookup hashes the id once, reads one 16-byte entry (the hash and
/// the handle side by side) and compares the id with the handle's by reference before comparing the text, so a hit
/// touches the table once and then only the handle, which the check reads anyway.
/// </summary>
/// <remarks>Lock-free for readers; writers (admin changes adding a tenant) take a lock. Entries are never removed, and
/// an entry's hash is written before its handle is published, so a reader that sees a handle sees its hash. Growing
/// copies into a new table and publishes it; readers on the old table still find every tenant it held.</remarks>
internal sealed class TenantTable
{
    private readonly Lock _write = new();
    private Entry[] _entries = new Entry[16];
    private int _count;

    /// <summary>Gets the number of tenants.</summary>
    internal int Count => Volatile.Read(ref _count);

    /// <summary>Finds a tenant's handle.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The handle, or <see langword="null"/> when the table does not hold the tenant.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal EntitlementHandle? Find(TenantId tenant)
    {
        var key = tenant.Value;
        var hash = TenantIdComparer.Hash(key);
        var entries = Volatile.Read(ref _entries);
        var mask = entries.Length - 1;
        var index = hash & mask;
        while (true)
        {
            ref var entry = ref entries[index];
            var handle = Volatile.Read(ref entry.Handle);
            if (handle is null)
            {
                return null;
            }

            if (entry.Hash == hash && (ReferenceEquals(handle.Key, key) || string.Equals(handle.Key, key, StringComparison.Ordinal)))
            {
                return handle;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>Adds a handle unless the table already holds its tenant.</summary>
    /// <param name="handle">The handle.</param>
    /// <returns>The handle the table holds for the tenant afterwards: <paramref name="handle"/>, or the one added before.</returns>
    internal EntitlementHandle GetOrAdd(EntitlementHandle handle)
    {
        lock (_write)
        {
            if (Find(handle.Tenant) is { } existing)
            {
                return existing;
            }

            var entries = _entries;
            if ((_count + 1) * 2 > entries.Length)
            {
                var grown = new Entry[entries.Length * 2];
                foreach (var entry in entries)
                {
                    if (entry.Handle is not null)
                    {
                        Insert(grown, entry.Handle, entry.Hash);
                    }
                }

                Volatile.Write(ref _entries, grown);
                entries = grown;
            }

            Insert(entries, handle, TenantIdComparer.Hash(handle.Key));
            Volatile.Write(ref _count, _count + 1);
            return handle;
        }
    }

    private static void Insert(Entry[] entries, EntitlementHandle handle, int hash)
    {
        var mask = entries.Length - 1;
        var index = hash & mask;
        while (entries[index].Handle is not null)
        {
            index = (index + 1) & mask;
        }

        entries[index].Hash = hash;
        Volatile.Write(ref entries[index].Handle, handle);
    }

    /// <summary>One slot: the tenant id's hash beside its handle.</summary>
    private struct Entry
    {
        public EntitlementHandle? Handle;
        public int Hash;
    }
}
