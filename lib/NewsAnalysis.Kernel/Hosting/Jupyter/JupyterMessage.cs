using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetMQ;

namespace NewsAnalysis.Kernel;

/// <summary>
/// One Jupyter message (protocol 5.3) as its frames carry it: routing identities, then <c>&lt;IDS|MSG&gt;</c>, the
/// signature, header, parent header, metadata, content (and buffers, which this kernel neither sends nor reads).
/// </summary>
internal sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    /// <summary>The protocol version spoken.</summary>
    public const string ProtocolVersion = "5.3";

    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>The message type (header.msg_type).</summary>
    public string Type => (string?)Header["msg_type"] ?? "";

    /// <summary>A string field of the content, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback = "") => Content[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;

    /// <summary>
    /// Parses and checks received frames. Null, with <paramref name="problem"/> saying why, when the frames are not a
    /// message or the signature does not match the key: such a message must be dropped unread.
    /// </summary>
    public static JupyterMessage? Parse(NetMQMessage frames, MessageSigner signer, out string? problem)
    {
        problem = null;
        var delimiter = -1;
        for (var i = 0; i < frames.FrameCount; i++)
        {
            if (frames[i].Buffer.AsSpan(0, frames[i].MessageSize).SequenceEqual(Delimiter)) { delimiter = i; break; }
        }
        if (delimiter < 0 || frames.FrameCount < delimiter + 6)
        {
            problem = "not a Jupyter message (no <IDS|MSG> delimiter followed by signature, header, parent header, metadata and content)";
            return null;
        }
        byte[] Frame(int i) => frames[delimiter + i].ToByteArray();
        var signature = Encoding.ASCII.GetString(Frame(1));
        byte[] header = Frame(2), parent = Frame(3), metadata = Frame(4), content = Frame(5);
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            problem = "bad signature";
            return null;
        }
        try
        {
            return new JupyterMessage(
                Enumerable.Range(0, delimiter).Select(i => frames[i].ToByteArray()).ToList(),
                Object(header), Object(parent), Object(metadata), Object(content));
        }
        catch (JsonException e)
        {
            problem = "malformed JSON: " + e.Message;
            return null;
        }
    }

    private static JsonObject Object(byte[] json) => json.Length == 0 ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>The frames of a new message of <paramref name="type"/> answering <paramref name="parent"/> (null: no parent), signed.</summary>
    public static NetMQMessage Build(IReadOnlyList<byte[]> identities, string type, JsonObject content, JsonObject? parent, string session, MessageSigner signer, JsonObject? metadata = null)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        };
        var h = Bytes(header);
        var p = parent is null ? "{}"u8.ToArray() : Bytes(parent);
        var m = Bytes(metadata ?? []);
        var c = Bytes(content);
        var message = new NetMQMessage();
        foreach (var id in identities) message.Append(id);
        message.Append(Delimiter);
        message.Append(signer.Sign(h, p, m, c));
        message.Append(h);
        message.Append(p);
        message.Append(m);
        message.Append(c);
        return message;
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
