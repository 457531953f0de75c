using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Handlers.Completion;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Transport;
using Range = PaperLsp.Server.Protocol.Range;

namespace PaperLsp.Server.Tests;

/// <summary>The directly written completion list is what the transport's serializer makes of the protocol records.</summary>
public sealed class CompletionListJsonTests
{
    private static readonly Newtonsoft.Json.JsonSerializer Serializer = JsonRpcFactory.CreateSerializer();

    private static CompletionItem Item(string label, string? detail, bool documented, bool withData) => new()
    {
        Label = label,
        Kind = CompletionItemKind.Reference,
        Detail = detail,
        Documentation = documented ? new MarkupContent { Value = $"**{label}**\n\n{detail}" } : null,
        TextEdit = new TextEdit { Range = new Range { Start = new Position(3, 4), End = new Position(3, 17) }, NewText = label + "]]" },
        FilterText = "[[" + label,
        SortText = "0001",
        Data = withData ? new JObject { ["key"] = "vaswani2017" } : null,
    };

    private static JToken ThroughTheSerializer(CompletionList list) => JToken.FromObject(list, Serializer);

    private static JToken Direct(CompletionList list) =>
        JToken.Parse(CompletionListJson.Of(list)!.ToString());

    [Fact]
    public void Items_with_and_without_documentation_data_and_optional_fields_come_out_as_the_serializer_writes_them()
    {
        var list = new CompletionList
        {
            IsIncomplete = true,
            Items =
            [
                Item("Nyströmformer: \"A\" Nyström-based\\ algorithm 😀 \u0001\t<&>'", "Xiong et al. · 2021 · AAAI", documented: true, withData: false),
                Item("Attention Is All You Need", null, documented: false, withData: true),
                new CompletionItem { Label = "title", Kind = null },
                Item("Other data", "d", documented: false, withData: false) with { Data = new JObject { ["key"] = "k", ["n"] = 2 } },
            ],
        };

        Assert.True(JToken.DeepEquals(ThroughTheSerializer(list), Direct(list)), Direct(list).ToString());
    }

    [Fact]
    public void An_empty_list_and_no_list_are_written_as_the_serializer_writes_them()
    {
        var empty = new CompletionList { Items = [] };

        Assert.True(JToken.DeepEquals(ThroughTheSerializer(empty), Direct(empty)));
        Assert.Null(CompletionListJson.Of(null));
    }

    [Fact]
    public void A_lone_surrogate_in_a_title_is_written_as_the_replacement_character()
    {
        var list = new CompletionList { Items = [Item("Broken \uD800 title \uDC00", "x", documented: true, withData: false)] };

        Assert.Equal("Broken \uFFFD title \uFFFD", (string?)Direct(list)["items"]![0]!["label"]);
    }

    [Property(MaxTest = 200)]
    public Property Any_text_is_written_as_the_serializer_writes_it() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), ArbMap.Default.ArbFor<bool>(), (text, documented) =>
        {
            var clean = new string(text.Get.Where(c => !char.IsSurrogate(c)).ToArray());
            var list = new CompletionList { Items = [Item(clean, clean, documented, withData: !documented)] };
            return JToken.DeepEquals(ThroughTheSerializer(list), Direct(list));
        });
}
