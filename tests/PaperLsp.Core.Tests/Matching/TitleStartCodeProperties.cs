using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The search rejects a paper by its mask's <see cref="PaperSearchIndex.StartCode"/> when only a title starting with the
/// query can still enter the results: a title that does start with the query must always pass.
/// </summary>
public sealed class TitleStartCodeProperties
{
    private static Gen<string> Text { get; } =
        Gen.Elements('a', 'b', 'z', ' ', '0', '7', 'é', 'ß', '-').ArrayOf().Select(chars => new string(chars));

    private static bool Passes(string title, string query) =>
        (PaperSearchIndex.StartCode(title) & PaperSearchIndex.StartCodeMask(query)) == (PaperSearchIndex.StartCode(query) & PaperSearchIndex.StartCodeMask(query));

    [Property(MaxTest = 1000)]
    public Property A_title_that_starts_with_the_query_passes() =>
        Prop.ForAll(Text.ToArbitrary(), Text.ToArbitrary(), (query, rest) => Passes(query + rest, query));

    [Property(MaxTest = 1000)]
    public Property A_title_that_is_rejected_does_not_start_with_the_query() =>
        Prop.ForAll(Text.ToArbitrary(), Text.ToArbitrary(), (title, query) => Passes(title, query) || !title.StartsWith(query, StringComparison.Ordinal));

    [Theory]
    [InlineData("attention is all you need", "graph", false)]
    [InlineData("attention is all you need", "atte", true)]
    [InlineData("at", "attention", false)]
    [InlineData("on the origin", "on t", true)]
    [InlineData("on theory", "on 2", false)]
    public void Titles_are_told_apart_by_their_first_characters(string title, string query, bool passes)
    {
        Assert.Equal(passes, Passes(title, query));
    }
}
