using System.Security.Cryptography;

namespace NewsAnalysis.Kernel;

/// <summary>
/// Signs and checks Jupyter messages: HMAC-SHA256 over the header, parent header, metadata and content frames, as
/// lower-case hex. With an empty key, messages are unsigned (an empty signature) as the protocol says.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] key = System.Text.Encoding.UTF8.GetBytes(key);

    /// <summary>True when a key is set.</summary>
    public bool Enabled => key.Length > 0;

    /// <summary>The signature of the four frames.</summary>
    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool Verify(string signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled) return true;
        var expected = Sign(header, parent, metadata, content);
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(signature));
    }
}
