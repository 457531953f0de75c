namespace PaperLsp.Core.Matching;

/// <summary>
/// Where one paper's fields are in <see cref="PaperSearchIndex"/>'s shared array: title, U+0001, key, U+0001, authors,
/// U+0001, year. Stored as it is in memory by <see cref="PaperSearchIndex.WriteTo"/>.
/// </summary>
internal readonly record struct PaperRecord(int Start, int TitleLength, int KeyLength, int AuthorsLength, int YearLength)
{
    public int KeyStart => TitleLength + 1;

    public int AuthorsStart => KeyStart + KeyLength + 1;

    public int YearStart => AuthorsStart + AuthorsLength + 1;

    public int Length => YearStart + YearLength;
}
