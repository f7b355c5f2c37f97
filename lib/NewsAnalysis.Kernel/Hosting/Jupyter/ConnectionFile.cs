using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsAnalysis.Kernel;

/// <summary>
/// A Jupyter connection file: the five ports, the address, the transport and the signing key a client hands the
/// kernel it starts (<c>--connection-file</c>).
/// </summary>
/// <param name="Transport"><c>tcp</c> (the only transport served).</param>
/// <param name="Ip">The address to bind.</param>
/// <param name="ShellPort">Requests (ROUTER).</param>
/// <param name="IopubPort">Broadcast outputs and status (PUB).</param>
/// <param name="StdinPort">Input requests (ROUTER).</param>
/// <param name="ControlPort">Interrupt and shutdown (ROUTER), served even while a cell runs.</param>
/// <param name="HbPort">Heartbeat echo (REP).</param>
/// <param name="Key">The HMAC key; empty turns signing off.</param>
/// <param name="SignatureScheme"><c>hmac-sha256</c>.</param>
public sealed record ConnectionFile(
    [property: JsonPropertyName("transport")] string Transport,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("shell_port")] int ShellPort,
    [property: JsonPropertyName("iopub_port")] int IopubPort,
    [property: JsonPropertyName("stdin_port")] int StdinPort,
    [property: JsonPropertyName("control_port")] int ControlPort,
    [property: JsonPropertyName("hb_port")] int HbPort,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("signature_scheme")] string SignatureScheme)
{
    /// <summary>Reads and checks a connection file; a clear error naming the file and the field when it is unusable.</summary>
    public static ConnectionFile Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Connection file '{path}' not found.", path);
        ConnectionFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ConnectionFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Connection file '{path}' is not valid JSON: {e.Message}");
        }
        if (file is null) throw new InvalidDataException($"Connection file '{path}' is empty.");
        if (file.Transport is not "tcp") throw new InvalidDataException($"Connection file '{path}': transport '{file.Transport}' is not supported (only tcp).");
        if (string.IsNullOrEmpty(file.Ip)) throw new InvalidDataException($"Connection file '{path}': no ip.");
        if (!string.IsNullOrEmpty(file.Key) && file.SignatureScheme is not "hmac-sha256")
            throw new InvalidDataException($"Connection file '{path}': signature_scheme '{file.SignatureScheme}' is not supported (only hmac-sha256).");
        foreach (var (name, port) in new[] { ("shell_port", file.ShellPort), ("iopub_port", file.IopubPort), ("stdin_port", file.StdinPort), ("control_port", file.ControlPort), ("hb_port", file.HbPort) })
            if (port is <= 0 or > 65535) throw new InvalidDataException($"Connection file '{path}': {name} {port} is not a port.");
        return file with { Key = file.Key ?? "", SignatureScheme = file.SignatureScheme ?? "hmac-sha256" };
    }

    /// <summary>The ZeroMQ endpoint of a port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => $"{Transport}://{(Ip is "0.0.0.0" or "*" ? "*" : Ip)}:{port}";
}
