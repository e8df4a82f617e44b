namespace Ent.Sdk.Timetable;

/// <summary>What is wrong with one line of a timetable file.</summary>
/// <param name="Line">The line's number in the file (the header is line 1).</param>
/// <param name="Message">What is wrong, naming the column and the value.</param>
public sealed record TimetableCsvError(int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>A timetable file with wrong lines: none of it is taken; every wrong line is named.</summary>
public sealed class TimetableCsvException : Exception
{
    /// <summary>Creates the exception from the wrong lines.</summary>
    /// <param name="errors">The wrong lines, in file order.</param>
    public TimetableCsvException(IReadOnlyList<TimetableCsvError> errors)
        : base($"The timetable file has {errors.Count} wrong line(s); nothing was imported. {string.Join("; ", errors.Take(20))}{(errors.Count > 20 ? "; …" : string.Empty)}") =>
        Errors = errors;

    /// <summary>The wrong lines, in file order.</summary>
    public IReadOnlyList<TimetableCsvError> Errors { get; }
}
