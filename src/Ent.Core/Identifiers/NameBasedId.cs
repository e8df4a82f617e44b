using System.Security.Cryptography;
using System.Text;

namespace Ent.Core.Identifiers;

/// <summary>
/// GUIDs derived from a name (RFC 9562 version 8: the first 16 bytes of the name's SHA-256): the same name always gives the
/// same id, so that what is derived again (a timetable imported again, a session read again) keeps the id it had.
/// </summary>
public static class NameBasedId
{
    /// <summary>The GUID of a name.</summary>
    /// <param name="name">The name: every part of it that makes the thing it names, e.g. <c>"slot/…/2026-10-12"</c>.</param>
    public static Guid Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // version 8: custom (here, name-based with SHA-256)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant RFC 9562
        return new Guid(hash[..16]);
    }
}
