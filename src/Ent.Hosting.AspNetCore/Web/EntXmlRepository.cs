using System.Xml.Linq;
using Ent.Storage.Core;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ent.Hosting.AspNetCore.Web;

/// <summary>
/// Data protection's key ring in Ent's store (<see cref="IKeyRingStore"/>): every host on the same database protects and
/// reads cookies and antiforgery tokens with the same keys, so that any of them serves a person signed in on another.
/// Data protection calls it rarely (at start, and when a key is created or rolled), from synchronous code.
/// </summary>
internal sealed class EntXmlRepository(IKeyRingStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
