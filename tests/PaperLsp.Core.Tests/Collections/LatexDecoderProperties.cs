using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class LatexDecoderProperties
{
    /// <summary>Plain ASCII is returned as is by a fast path; an empty group "{}" (which decodes to nothing) forces the full decoder.</summary>
    [Property(MaxTest = 500)]
    public Property Plain_text_fast_path_decodes_as_the_decoder_does()
    {
        var text = Gen.Elements("ab Z9-'.,:;()%&^_!?\"  \t".ToCharArray()).ArrayOf().Select(cs => new string(cs));
        return Prop.ForAll(text.ToArbitrary(), s => LatexDecoder.Decode(s) == LatexDecoder.Decode(s + "{}"));
    }

    /// <summary>The decoder skips ICU's NFC for text below U+0300: every such text is NFC already, pairs included.</summary>
    [Fact]
    public void Text_below_U0300_is_already_NFC()
    {
        var buffer = new char[2];
        for (var first = 0; first < 0x300; first++)
        {
            for (var second = 0; second < 0x300; second++)
            {
                buffer[0] = (char)first;
                buffer[1] = (char)second;
                Assert.True(new string(buffer).IsNormalized(System.Text.NormalizationForm.FormC), $"U+{first:X4} U+{second:X4}");
            }
        }
    }

    /// <summary>Blanks before a name part decode to nothing, so the name list may drop them before decoding.</summary>
    [Property(MaxTest = 300)]
    public Property Leading_blanks_decode_to_nothing(NonNull<string> text) =>
        (LatexDecoder.Decode(" \t " + text.Get) == LatexDecoder.Decode(text.Get)).ToProperty();

    [Theory]
    [InlineData("Attention Is All You Need", "Attention Is All You Need")]
    [InlineData("state-of-the-art, it's", "state-of-the-art, it's")]
    [InlineData("pages 10--20 and ''quoted''", "pages 10–20 and ”quoted”")]
    [InlineData("two  spaces ", "two spaces")]
    public void Decodes(string latex, string expected) => Assert.Equal(expected, LatexDecoder.Decode(latex));
}
