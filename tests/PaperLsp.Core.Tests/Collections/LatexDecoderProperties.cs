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

    [Theory]
    [InlineData("Attention Is All You Need", "Attention Is All You Need")]
    [InlineData("state-of-the-art, it's", "state-of-the-art, it's")]
    [InlineData("pages 10--20 and ''quoted''", "pages 10–20 and ”quoted”")]
    [InlineData("two  spaces ", "two spaces")]
    public void Decodes(string latex, string expected) => Assert.Equal(expected, LatexDecoder.Decode(latex));
}
