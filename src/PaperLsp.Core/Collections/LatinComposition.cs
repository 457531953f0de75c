using System.Collections.Frozen;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Composes a Latin letter with a combining accent, and strips accents off precomposed letters. The project runs
/// with InvariantGlobalization, where <see cref="string.Normalize()"/> does not compose or decompose non-ASCII
/// text, so the letters of European names are tabulated here instead.
/// </summary>
internal static class LatinComposition
{
    private static readonly (char Mark, string Bases, string Composed)[] Table =
    [
        ('\u0300', "AEIOUaeiouNnWwYy", "ÀÈÌÒÙàèìòùǸǹẀẁỲỳ"),
        ('\u0301', "AEIOUYaeiouyCcNnSsZzLlRrGgKkMmPpWw", "ÁÉÍÓÚÝáéíóúýĆćŃńŚśŹźĹĺŔŕǴǵḰḱḾḿṔṕẂẃ"),
        ('\u0302', "AEIOUaeiouCcGgHhJjSsWwYyZz", "ÂÊÎÔÛâêîôûĈĉĜĝĤĥĴĵŜŝŴŵŶŷẐẑ"),
        ('\u0303', "ANOanoIiUuEeYy", "ÃÑÕãñõĨĩŨũẼẽỸỹ"),
        ('\u0304', "AEIOUaeiouYyGg", "ĀĒĪŌŪāēīōūȲȳḠḡ"),
        ('\u0306', "AaEeGgIiOoUu", "ĂăĔĕĞğĬĭŎŏŬŭ"),
        ('\u0307', "CcEeGgIZzAaOoBbDdFfHhMmNnPpRrSsTtWwXxYy", "ĊċĖėĠġİŻżȦȧȮȯḂḃḊḋḞḟḢḣṀṁṄṅṖṗṘṙṠṡṪṫẆẇẊẋẎẏ"),
        ('\u0308', "AEIOUaeiouyYHhWwXxt", "ÄËÏÖÜäëïöüÿŸḦḧẄẅẌẍẗ"),
        ('\u030A', "AaUuwy", "ÅåŮůẘẙ"),
        ('\u030B', "OoUu", "ŐőŰű"),
        ('\u030C', "CcDdEeNnRrSsTtZzAaIiOoUuGgKkjLl", "ČčĎďĚěŇňŘřŠšŤťŽžǍǎǏǐǑǒǓǔǦǧǨǩǰĽľ"),
        ('\u0323', "AaEeIiOoUuYyBbDdHhKkLlMmNnRrSsTtVvWwZz", "ẠạẸẹỊịỌọỤụỴỵḄḅḌḍḤḥḲḳḶḷṂṃṆṇṚṛṢṣṬṭṾṿẈẉẒẓ"),
        ('\u0327', "CcSsTtGgKkLlNnRrEeDdHh", "ÇçŞşŢţĢģĶķĻļŅņŖŗȨȩḐḑḨḩ"),
        ('\u0328', "AaEeIiUuOo", "ĄąĘęĮįŲųǪǫ"),
        ('\u0331', "BbDdKkLlNnRrTtZzh", "ḆḇḎḏḴḵḺḻṈṉṞṟṮṯẔẕẖ"),
    ];

    private static readonly FrozenDictionary<(char Base, char Mark), char> Composed = Table
        .SelectMany(row => row.Bases.Select((b, i) => (Key: (b, row.Mark), Value: row.Composed[i])))
        .ToFrozenDictionary(pair => pair.Key, pair => pair.Value);

    private static readonly FrozenDictionary<char, char> Bases = Table
        .SelectMany(row => row.Composed.Select((c, i) => (Composed: c, Base: row.Bases[i])))
        .GroupBy(pair => pair.Composed)
        .ToFrozenDictionary(group => group.Key, group => group.First().Base);

    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    public static bool TryCompose(char letter, char mark, out char composed) => Composed.TryGetValue((letter, mark), out composed);

    /// <summary>The unaccented letter of a precomposed one (é → e), or the character itself.</summary>
    public static char StripAccent(char c) => c < '\u00C0' ? c : Bases.TryGetValue(c, out var letter) ? letter : c;
}
