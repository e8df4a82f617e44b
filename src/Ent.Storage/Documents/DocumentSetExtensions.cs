namespace Ent.Storage.Documents;

/// <summary>Writing a document whether or not it was stored before.</summary>
public static class DocumentSetExtensions
{
    /// <summary>Stages a document: added when <paramref name="stored"/> is null (the commit refuses it if its key was taken meanwhile), else replacing the one read.</summary>
    /// <typeparam name="T">The documents' type.</typeparam>
    /// <param name="documents">The documents.</param>
    /// <param name="stored">What this unit of work read under the document's key, or null when it found nothing.</param>
    /// <param name="document">The document to write.</param>
    public static void Put<T>(this IDocumentSet<T> documents, T? stored, T document)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (stored is null)
        {
            documents.Add(document);
        }
        else
        {
            documents.Replace(document);
        }
    }
}
