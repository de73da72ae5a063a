using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Chezlepro.Collector.Cli;

/// <summary>
/// The operator command line of the collector binary (<c>chezlepro-collector sla show 2026-10</c>…): one API call per
/// command with the key of <c>CHEZLEPRO_API_KEY</c> (never an argument, so it stays out of shell history and
/// <c>ps</c>; never printed) against <c>--url</c>, <c>CHEZLEPRO_URL</c> or http://127.0.0.1:8090.
/// </summary>
public static class OperatorCli
{
    /// <summary>The API's address when neither <c>--url</c> nor <c>CHEZLEPRO_URL</c> says otherwise (the collector's default).</summary>
    public const string DefaultUrl = "http://127.0.0.1:8090";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, Func<CliArguments, CliRequest>> Commands = new(StringComparer.Ordinal)
    {
        ["sla"] = SlaCommand.Parse,
        ["incidents"] = IncidentsCommand.Parse,
        ["maintenance"] = MaintenanceCommand.Parse,
        ["month"] = MonthCommand.Parse,
        ["failover"] = FailoverCommand.Parse,
        ["delivery"] = DeliveryCommand.Parse,
        ["alerts"] = AlertsCommand.Parse,
        ["dr-tests"] = DrTestsCommand.Parse,
    };

    /// <summary>Whether the first argument names an operator command or asks for help (else the service starts).</summary>
    public static bool Handles(string[] args) =>
        args is [var first, ..] && (Commands.ContainsKey(first) || first is "help" or "--help" or "-h");

    /// <summary>Runs with the process's environment and console.</summary>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, CancellationToken.None);

    /// <summary>Runs one command; returns a <see cref="CliExitCode"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        CliArguments parsed;
        CliRequest request;
        Uri baseUri;
        try
        {
            parsed = CliArguments.Parse(args);
            if (parsed.Help || parsed.Words.Count == 0)
            {
                (parsed.Help ? output : errors).Write(parsed.French ? CliUsage.French : CliUsage.English);
                return parsed.Help ? CliExitCode.Ok : CliExitCode.Usage;
            }
            if (!Commands.TryGetValue(parsed.Words[0], out var parse))
                throw new CliUsageException($"Commande inconnue / Unknown command: {parsed.Words[0]}");
            request = parse(parsed);
            baseUri = Url(parsed.Option("url") ?? environment("CHEZLEPRO_URL"));
        }
        catch (CliUsageException ex)
        {
            errors.WriteLine(ex.Message);
            errors.Write(args.Contains("en") ? CliUsage.English : CliUsage.French);
            return CliExitCode.Usage;
        }
        var key = environment("CHEZLEPRO_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.WriteLine(parsed.French
                ? "Clé d’API absente : exportez CHEZLEPRO_API_KEY (jamais en argument)."
                : "No API key: export CHEZLEPRO_API_KEY (never on the command line).");
            return CliExitCode.NoPermission;
        }
        return await CallAsync(parsed, request, baseUri, key.Trim(), output, errors, cancellationToken);
    }

    /// <summary>The API's base address, or a usage error.</summary>
    public static Uri Url(string? text)
    {
        var value = string.IsNullOrWhiteSpace(text) ? DefaultUrl : text.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query))
            return uri;
        throw new CliUsageException($"--url = '{value}': URL http(s) invalide / bad http(s) URL");
    }

    private static async Task<int> CallAsync(CliArguments args, CliRequest request, Uri baseUri, string key, TextWriter output, TextWriter errors,
        CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Timeout };
        using var message = new HttpRequestMessage(request.Method, new Uri(baseUri, baseUri.AbsolutePath.TrimEnd('/') + request.Path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (request.Body is not null) message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await http.SendAsync(message, ct);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            errors.WriteLine(args.French
                ? $"Collecteur injoignable à {baseUri} : {ex.Message}"
                : $"Collector unreachable at {baseUri}: {ex.Message}");
            return CliExitCode.Unreachable;
        }
        if ((int)status >= 400)
        {
            errors.WriteLine($"HTTP {(int)status}: {CliApiError.Message(body, status, args.French)}");
            return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? CliExitCode.NoPermission : CliExitCode.ApiError;
        }
        if (args.Json)
        {
            output.Write(body);
            if (!body.EndsWith('\n')) output.WriteLine();
            return CliExitCode.Ok;
        }
        JsonElement json;
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException ex)
        {
            errors.WriteLine($"HTTP {(int)status}: réponse illisible / unreadable answer: {ex.Message}");
            return CliExitCode.ApiError;
        }
        request.Render(json, new CliFormat(args.Tsv, args.French)).Write(output, args.Tsv);
        return CliExitCode.Ok;
    }
}
