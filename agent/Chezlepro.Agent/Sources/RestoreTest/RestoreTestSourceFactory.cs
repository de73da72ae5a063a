using System.Globalization;
using System.Text.RegularExpressions;
using Chezlepro.Agent.Options;
using Chezlepro.Contracts.Identity;
using Chezlepro.Health.Http;
using Chezlepro.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Agent.Sources.RestoreTest;

/// <summary>Creates <c>restore-test</c> sources (README.md in this folder lists the keys).</summary>
public sealed partial class RestoreTestSourceFactory : SourceFactory<RestoreTestSettings>
{
    private const long DefaultMaxBytes = 1L << 30;

    [GeneratedRegex(@"^(?<type>vm|ct|host)-(?<id>[A-Za-z0-9_][A-Za-z0-9._-]*)$")]
    private static partial Regex GuestPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]*\.(pxar|pxar\.didx|img|img\.fidx|blob|conf|conf\.blob)$")]
    private static partial Regex ArchivePattern();

    [GeneratedRegex(@"^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    /// <inheritdoc />
    public override string Type => "restore-test";

    internal override RestoreTestSettings Parse(SourceKeys keys)
    {
        var d = keys.Definition;
        var repository = keys.String("Repository");
        var password = keys.Required("Password", secret: true);
        var fingerprint = keys.String("Fingerprint");
        if (fingerprint is not null && !ApiClientOptions.IsValidFingerprint(fingerprint))
            keys.Errors.Add(ValidationText.Of($"{d.Key("Fingerprint")}: '{fingerprint}' must be a SHA-256 fingerprint, 32 hex bytes as AB:CD:…",
                "doit être une empreinte SHA-256, 32 octets hexadécimaux comme AB:CD:…"));
        var dataDirectory = d.Configuration[$"{AgentOptions.SectionName}:DataDirectory"] ?? new AgentOptions().DataDirectory;
        var scratch = keys.String("ScratchDirectory") ?? Path.Combine(dataDirectory, "restore-scratch", d.Name);
        // The source empties this folder: a relative path or the root would let a typo delete what is not ours.
        if (!Path.IsPathFullyQualified(scratch) || Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(scratch)) is null)
            keys.Errors.Add(ValidationText.Of($"{d.Key("ScratchDirectory")}: '{scratch}' must be an absolute path below the root, a folder the source owns",
                "doit être un chemin absolu sous la racine, un dossier propre à la source"));
        var clientPath = keys.String("ClientPath") ?? "/usr/bin/proxmox-backup-client";
        if (!Path.IsPathFullyQualified(clientPath))
            keys.Errors.Add(ValidationText.Of($"{d.Key("ClientPath")}: '{clientPath}' must be an absolute path", "doit être un chemin absolu"));
        var keyFile = keys.String("KeyFile");
        if (keyFile is not null && !Path.IsPathFullyQualified(keyFile))
            keys.Errors.Add(ValidationText.Of($"{d.Key("KeyFile")}: '{keyFile}' must be an absolute path", "doit être un chemin absolu"));
        // A key password without a key file would be silently unused: a configuration mistake worth stopping on.
        var keyPassword = keys.String("KeyPassword");
        if (keyPassword is not null && keyFile is null)
            keys.Errors.Add(ValidationText.Of($"{d.Key("KeyPassword")} is set but {d.Key("KeyFile")} is not", $"est donné sans {d.Key("KeyFile")}"));
        var maxBytes = MaxBytes(keys);
        var settings = new RestoreTestSettings
        {
            ClientPath = clientPath,
            Password = password,
            Fingerprint = fingerprint,
            KeyFile = keyFile,
            KeyPassword = keyPassword,
            ScratchDirectory = scratch,
            StateFile = Path.Combine(dataDirectory, $"restore-test-{d.Name}.json"),
            MaxBytes = maxBytes,
            Timeout = keys.Time("Timeout", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            TestInterval = keys.Time("TestInterval", TimeSpan.FromDays(7), TimeSpan.FromSeconds(1), TimeSpan.FromDays(400)),
            FirstRunDelay = keys.Time("FirstRunDelay", TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
            Samples = Samples(keys, repository, keys.String("Namespace") ?? ""),
        };
        return settings;
    }

    internal override ISource Build(SourceDefinition definition, RestoreTestSettings settings, IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Chezlepro.Agent.Sources.RestoreTest");
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        return new RestoreTestSource(definition.Name, settings, new RestoreRunner(settings, time, logger), time, logger);
    }

    private static long MaxBytes(SourceKeys keys)
    {
        if (keys.String("MaxBytes") is not { } raw)
            return DefaultMaxBytes;
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1L << 50)
            return value;
        keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("MaxBytes")}: '{raw}' must be a whole number of bytes between 1 and 2^50",
            "doit être un nombre entier d’octets entre 1 et 2^50"));
        return DefaultMaxBytes;
    }

    private static List<RestoreSample> Samples(SourceKeys keys, string? repository, string ns)
    {
        var d = keys.Definition;
        var samples = new List<RestoreSample>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sections = d.Section.GetSection("Samples").GetChildren().ToList();
        if (sections.Count == 0)
            keys.Errors.Add(ValidationText.Of($"{d.Key("Samples")} is required: at least one sample {{Name, Guest, Archive}}",
                "est requis\u00a0: au moins un échantillon {Name, Guest, Archive}"));
        foreach (var s in sections)
        {
            string Key(string field) => d.Key($"Samples:{s.Key}:{field}");
            string? Value(string field) => s[field] is { Length: > 0 } v ? v.Trim() : null;
            var errors = keys.Errors.Count;
            var name = Value("Name");
            if (name is null || !Identifiers.IsValidName(name))
                keys.Errors.Add(ValidationText.Of($"{Key("Name")} = '{name}': must match [a-z0-9][a-z0-9.-]* (the check is restore.<Name>)",
                    "doit correspondre à [a-z0-9][a-z0-9.-]* (le contrôle est restore.<Name>)"));
            else if (!names.Add(name))
                keys.Errors.Add(ValidationText.Of($"{Key("Name")} = '{name}': another sample of this source has this name", "un autre échantillon porte déjà ce nom"));
            var repoText = Value("Repository") ?? repository;
            var repo = PbsRepository.Parse(repoText);
            if (repo is null)
                keys.Errors.Add(ValidationText.Of($"{Key("Repository")} = '{repoText}': must read <user>@<realm>!<token>@<server>[:<port>]:<datastore> (here or on the source)",
                    "doit avoir la forme <utilisateur>@<domaine>!<jeton>@<serveur>[:<port>]:<magasin> (ici ou sur la source)"));
            var guest = GuestPattern().Match(Value("Guest") ?? "");
            if (!guest.Success)
                keys.Errors.Add(ValidationText.Of($"{Key("Guest")} = '{Value("Guest")}': must read <type>-<id> with type vm, ct or host, for example vm-101",
                    "doit avoir la forme <type>-<id>, type vm, ct ou host, par exemple vm-101"));
            var archive = Value("Archive");
            if (archive is null || !ArchivePattern().IsMatch(archive))
                keys.Errors.Add(ValidationText.Of($"{Key("Archive")} = '{archive}': must name an archive of the snapshot, for example etc.pxar, root.pxar.didx or drive-scsi0.img.fidx",
                    "doit nommer une archive de l’instantané, par exemple etc.pxar, root.pxar.didx ou drive-scsi0.img.fidx"));
            var path = Value("Path");
            if (path is not null && (Path.IsPathRooted(path) || path.Split('/', '\\').Any(p => p is ".." or "")))
                keys.Errors.Add(ValidationText.Of($"{Key("Path")} = '{path}': must be a relative path inside the archive, without '..'",
                    "doit être un chemin relatif dans l’archive, sans «\u00a0..\u00a0»"));
            if (path is not null && archive is not null && !archive.Contains(".pxar", StringComparison.Ordinal))
                keys.Errors.Add(ValidationText.Of($"{Key("Path")} = '{path}': only a pxar archive holds files; {archive} restores as one file",
                    $"seule une archive pxar contient des fichiers\u00a0; {archive} se restaure en un seul fichier"));
            var sha = Value("ExpectedSha256")?.ToLowerInvariant();
            if (sha is not null && !Sha256Pattern().IsMatch(sha))
                keys.Errors.Add(ValidationText.Of($"{Key("ExpectedSha256")} = '{sha}': must be 64 hex digits", "doit compter 64 chiffres hexadécimaux"));
            // A restored tree has no one hash: the expected one must name the file it belongs to.
            if (sha is not null && path is null && archive?.Contains(".pxar", StringComparison.Ordinal) == true)
                keys.Errors.Add(ValidationText.Of($"{Key("ExpectedSha256")}: a pxar archive restores as a tree; give {Key("Path")}, the file this hash belongs to",
                    "une archive pxar se restaure en arborescence\u00a0; indiquez Path, le fichier de cette empreinte"));
            var check = Value("CheckCommand");
            if (check is not null && !Path.IsPathFullyQualified(check))
                keys.Errors.Add(ValidationText.Of($"{Key("CheckCommand")} = '{check}': must be the absolute path of an executable (it gets the restored path as its argument)",
                    "doit être le chemin absolu d’un exécutable (il reçoit le chemin restauré en argument)"));
            if (keys.Errors.Count == errors)
                samples.Add(new RestoreSample(name!, repo!, Value("Namespace") ?? ns, guest.Groups["type"].Value, guest.Groups["id"].Value,
                    archive!, path, sha, check));
        }
        return samples;
    }
}
