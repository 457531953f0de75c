using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>The index folds each distinct author once and joins the results: the same as folding the joined list.</summary>
public sealed class AuthorFoldingProperties
{
    [Property(MaxTest = 1000)]
    public Property Folding_authors_one_by_one_equals_folding_the_joined_list(NonNull<string>[] authors)
    {
        var names = authors.Select(a => a.Get).ToArray();
        return (PaperIndex.FoldAuthors(names, TitleNormalizer.Fold) == TitleNormalizer.Fold(string.Join(' ', names)))
            .Label(string.Join(" | ", names));
    }

    [Property(MaxTest = 500)]
    public Property Holds_for_names_with_accents_and_symbols(PositiveInt seed)
    {
        var pieces = new[] { "Nyström", "ÆSOP", "Straße", "Ǆemal", "ﬁne", "Ωmega", "İnan", "-", "  ", "é", "O'Brien", "{\\o}", "Σίσυφος", "a.b.", "\u0301", "Ⅻ", "ℌ" };
        var names = Enumerable.Range(0, seed.Get % 5 + 1)
            .Select(i => pieces[(seed.Get * (i + 3)) % pieces.Length] + pieces[(seed.Get / (i + 1)) % pieces.Length])
            .ToArray();
        return (PaperIndex.FoldAuthors(names, TitleNormalizer.Fold) == TitleNormalizer.Fold(string.Join(' ', names)))
            .Label(string.Join(" | ", names));
    }
}
