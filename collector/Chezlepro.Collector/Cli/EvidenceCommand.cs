using System.Net;
using System.Net.Http.Headers;
using Chezlepro.Collector.Evidence;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// <c>evidence export [--client id] [--from yyyy-MM-dd] [--to yyyy-MM-dd] --out file</c> and <c>evidence verify file</c>.
/// Export goes through the API with <c>CHEZLEPRO_API_KEY</c> like every operator command, not to the store: a client or
/// its auditor runs it with their own client key from anywhere (the API keeps them to their records), and nobody needs
/// the store's credentials. Verify needs nothing but the file (rules in Evidence/README.md).
/// </summary>
public static class EvidenceCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs with the process's environment and console.</summary>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs the words after <c>evidence</c>; returns a <see cref="CliExitCode"/> (verify: 0 verified, 1 broken).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        CliArguments parsed;
        try
        {
            parsed = CliArguments.Parse(args);
            switch (parsed.Words.Count > 0 ? parsed.Words[0] : null)
            {
                case "verify":
                    var file = parsed.Word(1, "bundle");
                    parsed.NoMoreThan(2);
                    return await VerifyAsync(file, parsed.French, output, errors, cancellationToken);
                case "export":
                    parsed.NoMoreThan(1);
                    var target = parsed.Option("out") ?? throw new CliUsageException("--out <fichier/file> est requis / is required");
                    return await ExportAsync(parsed, target, environment, output, errors, cancellationToken);
                default:
                    throw new CliUsageException("evidence export --out <file> [--client id] [--from yyyy-MM-dd] [--to yyyy-MM-dd] | evidence verify <file>");
            }
        }
        catch (CliUsageException ex)
        {
            errors.WriteLine(ex.Message);
            return CliExitCode.Usage;
        }
    }

    private static async Task<int> VerifyAsync(string file, bool french, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(file, ct);
        }
        catch (IOException ex)
        {
            errors.WriteLine($"{file}: {ex.Message}");
            return CliExitCode.ApiError;
        }
        var result = EvidenceBundleVerifier.Verify(lines);
        if (result.Break is { } broken)
        {
            output.WriteLine(french ? $"ROMPU à l’enregistrement {broken.Seq} : {broken.Reason}" : $"BROKEN at record {broken.Seq}: {broken.Reason}");
            return 1;
        }
        output.WriteLine(french
            ? $"OK : {result.Records} enregistrements vérifiés, {result.Stubs} maillons d’autres clients, {result.Heads} têtes quotidiennes concordantes"
            : $"OK: {result.Records} records verified, {result.Stubs} links of other clients, {result.Heads} daily heads matched");
        return CliExitCode.Ok;
    }

    private static async Task<int> ExportAsync(CliArguments args, string target, Func<string, string?> environment, TextWriter output, TextWriter errors,
        CancellationToken ct)
    {
        var baseUri = OperatorCli.Url(args.Option("url") ?? environment("CHEZLEPRO_URL"));
        var key = environment("CHEZLEPRO_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.WriteLine("Clé d’API absente : exportez CHEZLEPRO_API_KEY (jamais en argument) / No API key: export CHEZLEPRO_API_KEY.");
            return CliExitCode.NoPermission;
        }
        var query = "?format=jsonl";
        foreach (var name in new[] { "client", "from", "to" })
        {
            if (args.Option(name) is { } value) query += $"&{name}={Uri.EscapeDataString(value)}";
        }
        using var http = new HttpClient { Timeout = Timeout };
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, baseUri.AbsolutePath.TrimEnd('/') + "/api/v1/evidence" + query));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Trim());
        string body;
        try
        {
            using var response = await http.SendAsync(message, ct);
            body = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode >= 400)
            {
                errors.WriteLine($"HTTP {(int)response.StatusCode}: {CliApiError.Message(body, response.StatusCode, args.French)}");
                return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? CliExitCode.NoPermission : CliExitCode.ApiError;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            errors.WriteLine($"Collecteur injoignable / Collector unreachable at {baseUri}: {ex.Message}");
            return CliExitCode.Unreachable;
        }
        await File.WriteAllTextAsync(target, body, ct);
        // Checked at once: a bundle that does not verify on arrival is reported now, not at the audit.
        return await VerifyAsync(target, args.French, output, errors, ct);
    }
}
