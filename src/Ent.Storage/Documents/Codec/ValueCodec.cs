namespace Ent.Storage.Documents.Codec;

/// <summary>
/// The compiled writer and reader of one type, built on first use from its shape (<see cref="CodecCompiler"/>):
/// documents are serialised by the store, never by the plugin that declares them.
/// </summary>
/// <typeparam name="T">A type <see cref="DocumentShape"/> accepts.</typeparam>
internal static class ValueCodec<T>
{
    public static readonly Action<BodyWriter, T> Write;

    public static readonly Func<BodyReader, T> Read;

#pragma warning disable CA1810 // both delegates come from one compilation, which a static constructor makes explicit (and lazy)
    static ValueCodec()
    {
        (Write, Read) = CodecCompiler.Compile<T>();
    }
#pragma warning restore CA1810
}
