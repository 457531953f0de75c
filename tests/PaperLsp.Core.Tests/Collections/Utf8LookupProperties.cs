using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// The key and title tables over UTF-8 answer as the dictionaries they replace: an ordinal
/// <c>Dictionary&lt;string, int&gt;</c> filled first-wins (duplicates being the entries it refuses) and an
/// <see cref="StringComparer.OrdinalIgnoreCase"/> one for keys that differ only in case, for any strings: duplicates,
/// empty ones, case variants, letters outside ASCII (some of which fold to ASCII letters), lone surrogates.
/// </summary>
public class Utf8LookupProperties
{
    /// <summary>Pieces whose joins make case variants, non-ASCII letters that case-fold (to ASCII too: ı, ſ, K), and text that is not UTF-8-clean.</summary>
    private static readonly string[] Pieces =
    [
        "a", "A", "b", "B", "i", "I", "ı", "İ", "s", "S", "ſ", "k", "K", "\u212A", "é", "É", "ß", "ẞ", "σ", "Σ", "ς",
        "ǅ", "ǆ", "Ǆ", "𐐀", "𐐨", "\uD800", "\uDC00", "\uFFFD", ":", " ", "2020", "",
    ];

    private static readonly Gen<string> Text =
        Gen.Choose(0, 3).SelectMany(n => Gen.Elements(Pieces).ListOf(n)).Select(parts => string.Concat(parts))
            .Or(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));

    private static readonly Gen<string[]> Texts = Gen.Choose(0, 12).SelectMany(n => Text.ArrayOf(n));

    [Property(MaxTest = 500)]
    public Property The_list_gives_back_each_string_and_reads_back_its_stored_form() =>
        Prop.ForAll(
            Texts.ToArbitrary(),
            strings =>
            {
                var list = Utf8StringList.FromStrings(strings);
                var read = Utf8StringList.Read(list.StoredForm.ToArray());
                return (list.Count == strings.Length && read.Count == strings.Length
                        && Enumerable.Range(0, strings.Length).All(i => string.Equals(list[i], strings[i], StringComparison.Ordinal)
                                                                       && string.Equals(read[i], strings[i], StringComparison.Ordinal)))
                    .Label("strings");
            });

    [Property(MaxTest = 100)]
    public Property A_list_made_block_by_block_is_the_list_of_the_same_strings() =>
        Prop.ForAll(
            Texts.Zip(Gen.Choose(0, 9000)).ToArbitrary(),
            generated =>
            {
                // Thousands of strings, so that several blocks of the parallel build meet in one buffer.
                var (texts, count) = generated;
                var strings = Enumerable.Range(0, texts.Length == 0 ? 0 : count).Select(i => texts[i % texts.Length] + i).ToArray();
                return Utf8StringList.Make(strings.Length, i => strings[i]).StoredForm.SequenceEqual(Utf8StringList.FromStrings(strings).StoredForm);
            });

    [Property(MaxTest = 300)]
    public Property Well_formed_strings_are_stored_as_the_cache_writes_them() =>
        Prop.ForAll(
            Texts.Select(texts => texts.Select(t => t.Replace('\uD800', 'x').Replace('\uDC00', 'y')).Where(IsWellFormed).ToArray()).ToArbitrary(),
            strings =>
            {
                using var stream = new MemoryStream();
                CachedStrings.WriteTo(stream, strings);
                return stream.ToArray().AsSpan().SequenceEqual(Utf8StringList.FromStrings(strings).StoredForm);
            });

    [Property(MaxTest = 500)]
    public Property Lookup_finds_what_a_first_wins_ordinal_dictionary_finds() =>
        Prop.ForAll(
            Texts.Zip(Texts).Zip(Gen.Elements(false, true)).ToArbitrary(),
            generated =>
            {
                var ((strings, others), skipEmpty) = generated;
                var expected = new Dictionary<string, int>(StringComparer.Ordinal);
                var expectedDuplicates = new List<(int, int)>();
                for (var i = 0; i < strings.Length; i++)
                {
                    if (skipEmpty && strings[i].Length == 0)
                    {
                        continue;
                    }

                    if (!expected.TryAdd(strings[i], i))
                    {
                        expectedDuplicates.Add((i, expected[strings[i]]));
                    }
                }

                var duplicates = new List<(int, int)>();
                var lookup = Utf8Lookup.Build(Utf8StringList.FromStrings(strings), skipEmpty: skipEmpty, duplicate: (entry, owner) => duplicates.Add((entry, owner)));
                var queries = strings.Concat(others).Concat(strings.Select(s => s.ToUpperInvariant())).Append(string.Empty);
                var sameFinds = queries.All(q => lookup.TryFind(q, out var id) == expected.TryGetValue(q, out var want) && (!expected.ContainsKey(q) || id == want));
                // With empty strings left out, each empty entry is neither an owner nor a duplicate: distinct strings are for keys, which keep them.
                var sameDistinct = skipEmpty || lookup.DistinctStrings().SequenceEqual(strings.Distinct(StringComparer.Ordinal));
                return sameFinds.Label("finds")
                    .And(duplicates.SequenceEqual(expectedDuplicates).Label("duplicates"))
                    .And(sameDistinct.Label("distinct strings"))
                    .And((lookup.Count == expected.Count).Label("count"));
            });

    [Property(MaxTest = 500)]
    public Property A_table_read_back_from_its_stored_form_finds_what_the_built_one_finds() =>
        Prop.ForAll(
            Texts.Zip(Texts).Zip(Gen.Elements(false, true)).ToArbitrary(),
            generated =>
            {
                var ((strings, others), skipEmpty) = generated;
                var list = Utf8StringList.FromStrings(strings);
                var built = Utf8Lookup.Build(list, skipEmpty: skipEmpty);
                using var stored = new MemoryStream();
                built.WriteTo(stored);
                stored.Position = 0;
                var read = Utf8Lookup.ReadFrom(stored, stored.Length, list);

                var queries = strings.Concat(others).Concat(strings.Select(s => s.ToUpperInvariant())).Append(string.Empty);
                return (stored.Length == built.SerializedLength).Label("length")
                    .And(queries.All(q => read.TryFind(q, out var id) == built.TryFind(q, out var want) && id == want).Label("finds"))
                    .And(read.Duplicates.ToArray().SequenceEqual(built.Duplicates.ToArray()).Label("duplicates"))
                    .And(read.DistinctStrings().SequenceEqual(built.DistinctStrings()).Label("distinct strings"))
                    .And((read.Count == built.Count).Label("count"));
            });

    [Property(MaxTest = 300)]
    public Property An_ignore_case_table_read_back_from_its_stored_form_finds_what_the_built_one_finds() =>
        Prop.ForAll(
            Texts.Zip(Texts).ToArbitrary(),
            generated =>
            {
                var (strings, others) = generated;
                var exact = Utf8Lookup.Build(Utf8StringList.FromStrings(strings));
                var built = Utf8IgnoreCaseLookup.Build(exact);
                using var stored = new MemoryStream();
                built.WriteTo(stored);
                stored.Position = 0;
                var read = Utf8IgnoreCaseLookup.ReadFrom(stored, stored.Length, exact);

                var queries = strings.Concat(others).Concat(strings.Select(s => s.ToUpperInvariant())).Concat(strings.Select(s => s.ToLowerInvariant()));
                return (stored.Length == built.SerializedLength).Label("length")
                    .And(queries.All(q => read.FindAll(q).SequenceEqual(built.FindAll(q))).Label("finds"));
            });

    [Property(MaxTest = 300)]
    public Property The_ignore_case_hash_is_equal_wherever_ordinal_ignore_case_says_equal() =>
        Prop.ForAll(
            Texts.Zip(Gen.Elements(Pieces).ArrayOf()).ToArbitrary(),
            generated =>
            {
                // A string against every case variant the pieces make of it (ı, ſ, K and their ASCII kin among them).
                var (texts, pieces) = generated;
                var candidates = texts.Concat(texts.Select(t => t.ToUpperInvariant())).Concat(texts.Select(t => t.ToLowerInvariant())).Append(string.Concat(pieces)).ToArray();
                return candidates.All(a => candidates.All(b =>
                    !string.Equals(a, b, StringComparison.OrdinalIgnoreCase) || Utf8IgnoreCaseLookup.Hash(a) == Utf8IgnoreCaseLookup.Hash(b)));
            });

    [Property(MaxTest = 300)]
    public Property A_stored_table_is_refused_over_a_list_of_another_size_or_when_cut_short() =>
        Prop.ForAll(
            Texts.Where(t => t.Length > 0).Zip(Gen.Choose(1, 40)).ToArbitrary(),
            generated =>
            {
                var (strings, extra) = generated;
                var built = Utf8Lookup.Build(Utf8StringList.FromStrings(strings));
                var stored = new MemoryStream();
                built.WriteTo(stored);
                var bytes = stored.ToArray();

                // The table of these strings over more strings (a capacity that does not fit), or its bytes cut short.
                var longer = Utf8StringList.FromStrings([.. strings, .. Enumerable.Range(0, extra * 8).Select(i => $"extra{i}")]);
                var overOther = Refused(() => Utf8Lookup.ReadFrom(new MemoryStream(bytes), bytes.Length, longer));
                var cut = Refused(() => Utf8Lookup.ReadFrom(new MemoryStream(bytes[..^8]), bytes.Length - 8, Utf8StringList.FromStrings(strings)));
                return (overOther || Utf8Lookup.Capacity(longer.Count) == Utf8Lookup.Capacity(strings.Length)).Label("over a longer list")
                    .And(cut.Label("cut short"));
            });

    [Fact]
    public void A_stored_table_naming_an_entry_past_its_strings_is_refused()
    {
        var strings = Utf8StringList.FromStrings(["a", "b", "c"]);
        var stored = new MemoryStream();
        Utf8Lookup.Build(strings).WriteTo(stored);
        var bytes = stored.ToArray();
        // The first slot that holds an entry now holds entry 1000 (the hash's tag kept).
        var slot = Enumerable.Range(0, (bytes.Length - 12) / 8).First(i => BitConverter.ToUInt64(bytes, 12 + (8 * i)) != 0);
        BitConverter.GetBytes((BitConverter.ToUInt64(bytes, 12 + (8 * slot)) & 0xFFFF_FFFF_0000_0000UL) | 1001).CopyTo(bytes, 12 + (8 * slot));

        Assert.Throws<InvalidDataException>(() => Utf8Lookup.ReadFrom(new MemoryStream(bytes), bytes.Length, strings));
    }

    private static bool Refused(Action read)
    {
        try
        {
            read();
            return false;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return true;
        }
    }

    [Property(MaxTest = 500)]
    public Property Ignoring_case_finds_every_spelling_an_ordinal_ignore_case_dictionary_groups() =>
        Prop.ForAll(
            Texts.Zip(Texts).ToArbitrary(),
            generated =>
            {
                var (strings, others) = generated;
                var exact = Utf8Lookup.Build(Utf8StringList.FromStrings(strings));
                var ignoringCase = Utf8IgnoreCaseLookup.Build(exact);

                // The dictionaries the index kept before: the first key of each spelling, and every spelling where there are several.
                var distinct = strings.Distinct(StringComparer.Ordinal).ToList();
                var first = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var several = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var key in distinct)
                {
                    if (!first.TryAdd(key, key))
                    {
                        if (!several.TryGetValue(key, out var spellings))
                        {
                            several[key] = spellings = [first[key]];
                        }

                        spellings.Add(key);
                    }
                }

                IReadOnlyList<string> Expected(string key) =>
                    several.TryGetValue(key, out var spellings) ? spellings : first.TryGetValue(key, out var only) ? [only] : [];

                var queries = strings.Concat(others).Concat(strings.Select(s => s.ToUpperInvariant())).Concat(strings.Select(s => s.ToLowerInvariant()));
                return queries.All(q => ignoringCase.FindAll(q).SequenceEqual(Expected(q)));
            });

    [Fact]
    public void Keys_that_fold_to_ascii_letters_are_found_as_a_dictionary_ignoring_case_finds_them()
    {
        var keys = new[] { "kim2020", "\u212Aim2020", "smıth", "SMITH", "ſmith" };
        var ignoringCase = Utf8IgnoreCaseLookup.Build(Utf8Lookup.Build(Utf8StringList.FromStrings(keys)));
        var dictionary = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

        foreach (var query in new[] { "KIM2020", "smith", "SMIıTH", "Smıth", "ſMITH" })
        {
            var expected = dictionary.TryGetValue(query, out var spellings) ? spellings : [];
            Assert.Equal(expected, ignoringCase.FindAll(query));
        }
    }

    [Fact]
    public void A_lone_surrogate_key_is_found_only_as_itself()
    {
        var lookup = Utf8Lookup.Build(Utf8StringList.FromStrings(["a\uD800", "a\uFFFD"]));

        Assert.True(lookup.TryFind("a\uD800", out var lone));
        Assert.True(lookup.TryFind("a\uFFFD", out var replacement));
        Assert.False(lookup.TryFind("a\uDC00", out _));
        Assert.Equal((0, 1), (lone, replacement));
    }

    private static bool IsWellFormed(string text) => System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
}
