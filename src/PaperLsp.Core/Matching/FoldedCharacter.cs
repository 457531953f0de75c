using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Matching;

/// <summary>
/// The search reads folded text in two forms: one byte per character (every character at most U+00FF, nearly all papers)
/// and UTF-16. A byte holds the character's code exactly, so comparing bytes is comparing characters and both forms rank
/// alike. The type tests are constants to the JIT, which compiles each form on its own without them.
/// </summary>
internal static class FoldedCharacter
{
    /// <summary>The code of a character of either form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Code<T>(T c)
        where T : unmanaged =>
        typeof(T) == typeof(byte) ? Unsafe.As<T, byte>(ref c) : Unsafe.As<T, char>(ref c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace<T>(T c)
        where T : unmanaged =>
        Code(c) == ' ';

    /// <summary>Whether every character fits in a byte (is at most U+00FF).</summary>
    public static bool FitsInBytes(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('\0', '\u00FF');

    /// <summary>The characters as bytes; every one must be at most U+00FF (<see cref="FitsInBytes"/>).</summary>
    public static byte[] ToBytes(ReadOnlySpan<char> text)
    {
        var bytes = new byte[text.Length];
        System.Text.Encoding.Latin1.GetBytes(text, bytes);
        return bytes;
    }
}
