namespace PaperLsp.Core.Collections;

/// <summary>
/// BibLaTeX's default crossref inheritance, reduced to the fields a paper shows: a child takes every field it lacks
/// from its parent (except bookkeeping fields such as ids, crossref, shorthand), and the parent's title becomes the
/// child's <c>booktitle</c> (for in*/supp*/bookinbook children), <c>maintitle</c>
/// (mv* parents) or <c>journaltitle</c> (periodical → article) instead of its title. A parent that has its own
/// crossref is resolved first.
/// </summary>
internal static class BibTexCrossref
{
    private static readonly HashSet<string> NotInherited = new(StringComparer.OrdinalIgnoreCase)
    {
        "ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options", "presort", "related",
        "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey", "xdata",
    };

    private static readonly HashSet<string> BookParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inreference", "inproceedings",
    };

    public static Dictionary<string, string> Inherit(
        IReadOnlyDictionary<string, string> child, string childType, BibTexEntry parent,
        IReadOnlyDictionary<string, string> parentFields)
    {
        var result = new Dictionary<string, string>(child, StringComparer.OrdinalIgnoreCase);
        var titleTarget = TitleTarget(parent.Type, childType);
        if (titleTarget is not null)
        {
            CopyIfMissing(parentFields, "title", result, titleTarget);
            CopyIfMissing(parentFields, "subtitle", result, titleTarget.Replace("title", "subtitle"));
            CopyIfMissing(parentFields, "titleaddon", result, titleTarget + "addon");
        }

        foreach (var (name, value) in parentFields)
        {
            if (NotInherited.Contains(name)
                || (titleTarget is not null && name is "title" or "subtitle" or "titleaddon"))
            {
                continue;
            }

            result.TryAdd(name, value);
        }

        return result;
    }

    private static string? TitleTarget(string parentType, string childType)
    {
        if (parentType.StartsWith("mv", StringComparison.OrdinalIgnoreCase))
        {
            return "maintitle";
        }

        if (parentType == "periodical")
        {
            return "journaltitle";
        }

        return BookParts.Contains(childType) ? "booktitle" : null;
    }

    private static void CopyIfMissing(
        IReadOnlyDictionary<string, string> from, string fromName, Dictionary<string, string> to, string toName)
    {
        if (from.TryGetValue(fromName, out var value) && !to.ContainsKey(toName))
        {
            to[toName] = value;
        }
    }
}
