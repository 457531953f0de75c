using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// <see cref="PaperIndex.Build"/> merges papers of different collections whose normalized titles are equal, never two of
/// one collection, in order of first appearance; keys go to the first paper that has them, and the keys equal to one
/// ignoring case are listed in that order. Checked against a model: a
/// list of groups, each with every paper in it.
/// </summary>
public class PaperIndexMergeProperties
{
    private static readonly string[] Titles = ["Attention", "attention!", "Graph Networks", "!!!", "Lattices", "lattices"];
    private static readonly string[] Keys = ["a", "b", "c", "A", "B"];

    private static Gen<CollectionLoadResult> Collection(int number) =>
        Gen.Choose(0, 5).SelectMany(count => Gen.Elements(Titles).Zip(Gen.Elements(Keys)).ListOf(count))
            .Select(entries => new CollectionLoadResult(
                $"/c{number}" + (number == 2 ? ".txt" : ".bib"),
                [.. entries.Select((e, line) => new Paper
                {
                    Key = e.Item2, Title = e.Item1, Year = line % 2 == 0 ? "2020" : null,
                    Source = new SourceLocation($"/c{number}" + (number == 2 ? ".txt" : ".bib"), line + 1),
                })],
                ImmutableArray<CollectionProblem>.Empty));

    [Property(MaxTest = 300)]
    public Property Groups_keys_and_title_lookups_are_those_of_the_model() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 3)
             from first in Collection(0)
             from second in Collection(1)
             from third in Collection(2)
             select new[] { first, second, third }.Take(n).ToArray()).ToArbitrary(),
            collections =>
            {
                var index = PaperIndex.Build(collections);

                // The model: groups in order of first appearance; a paper joins the first group of its title unless that
                // title was already seen in its own collection (or is empty).
                var groups = new List<List<Paper>>();
                var titles = new List<string>();
                foreach (var collection in collections)
                {
                    var seen = new HashSet<string>();
                    foreach (var paper in collection.Papers)
                    {
                        var normalized = TitleNormalizer.Normalize(paper.Title);
                        var group = titles.IndexOf(normalized);
                        if (normalized.Length > 0 && group >= 0 && !seen.Contains(normalized))
                        {
                            groups[group].Add(paper);
                        }
                        else
                        {
                            groups.Add([paper]);
                            titles.Add(normalized);
                        }

                        seen.Add(normalized);
                    }
                }

                // A merged paper is its first structured source (a plain listing only fills gaps), the others listed after.
                var sameGroups = index.Papers.Length == groups.Count && groups.Select((g, id) =>
                {
                    var ordered = g.OrderBy(p => p.Source.FilePath.EndsWith(".txt", StringComparison.Ordinal) ? 1 : 0).ToList();
                    return index.Papers[id].Source == ordered[0].Source
                           && index.Papers[id].OtherSources.SequenceEqual(ordered.Skip(1).Select(p => p.Source))
                           && index.NormalizedTitles[id] == titles[id];
                }).All(same => same);
                var owners = new Dictionary<string, int>();
                var duplicates = 0;
                for (var id = 0; id < groups.Count; id++)
                {
                    foreach (var paper in groups[id])
                    {
                        if (!owners.TryAdd(paper.Key, id) && owners[paper.Key] != id)
                        {
                            duplicates++;
                        }
                    }
                }

                var sameKeys = owners.All(o => ReferenceEquals(index.FindByKey(o.Key), index.Papers[o.Value]))
                               && index.Problems.Count(p => p.Code == "PN011") == duplicates;
                var sameSpellings = Keys.All(k => index.KeysIgnoringCase(k).SequenceEqual(owners.Keys.Where(o => string.Equals(o, k, StringComparison.OrdinalIgnoreCase))));
                var sameTitles = Titles.All(t =>
                {
                    var group = titles.IndexOf(TitleNormalizer.Normalize(t));
                    var expected = group >= 0 && titles[group].Length > 0 ? index.Papers[group] : null;
                    return ReferenceEquals(index.FindByTitle(t), expected);
                });
                return sameGroups.Label("groups").And(sameKeys.Label("keys")).And(sameTitles.Label("titles")).And(sameSpellings.Label("keys ignoring case"));
            });
}
