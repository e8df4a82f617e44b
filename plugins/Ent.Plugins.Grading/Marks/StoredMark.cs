namespace Ent.Plugins.Grading.Marks;

/// <summary>
/// A mark in one whole number, as the gradebook's records and the term close keep it: hundredths of a point,
/// or a code as its negative number. Exact, and 4 bytes.
/// </summary>
internal static class StoredMark
{
    public static int Encode(Mark mark) => mark.Code is { } code ? -(int)code : (int)(mark.Points!.Value * 100);

    public static Mark Decode(int value, int scale) => value < 0 ? Mark.Coded((MarkCode)(-value)) : Mark.Of(value / 100m, scale);
}
