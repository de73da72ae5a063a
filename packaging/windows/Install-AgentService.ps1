#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Installs (or updates) the Chezlepro agent as the Windows service ChezleproAgent.
.DESCRIPTION
  Copies a self-contained win-x64 publish to %ProgramFiles%\Chezlepro\Agent, creates
  %ProgramData%\Chezlepro\agent.json from the sample when absent (an existing one is never overwritten),
  registers the service with sc.exe (delayed automatic start, restart on failure) and starts it unless -NoStart.
  An update stops the service, replaces the binaries and starts it again; the outbox in the data folder stays.
  By default it installs out/win-x64/Chezlepro.Agent, the folder CI (.ci/run) and ./build.ps1 -Publish produce.
.EXAMPLE
  ./build.ps1 -Publish -Runtimes win-x64
  packaging/windows/Install-AgentService.ps1
#>
param(
    [string]$PublishDir = (Join-Path $PSScriptRoot "../../out/win-x64/Chezlepro.Agent"),
    [string]$ServiceName = "ChezleproAgent",
    [string]$InstallDir = (Join-Path $env:ProgramFiles "Chezlepro\Agent"),
    [switch]$NoStart
)
$ErrorActionPreference = "Stop"

$exe = Join-Path $PublishDir "chezlepro-agent.exe"
if (-not (Test-Path $exe)) { throw "chezlepro-agent.exe not found in $PublishDir (publish with -r win-x64 --self-contained)" }

$configDir = Join-Path $env:ProgramData "Chezlepro"
$dataDir = Join-Path $configDir "agent-data"
$config = Join-Path $configDir "agent.json"

$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne "Stopped") {
    # The agent flushes and publishes its shutdown status on stop; unsent messages stay in the outbox.
    Stop-Service -Name $ServiceName
    $existing.WaitForStatus("Stopped", [TimeSpan]::FromSeconds(60))
}

New-Item -ItemType Directory -Force -Path $InstallDir, $configDir, $dataDir | Out-Null
Copy-Item -Path (Join-Path $PublishDir "*") -Destination $InstallDir -Recurse -Force -Exclude "*.pdb"

if (-not (Test-Path $config)) {
    $sample = [ordered]@{
        Agent      = [ordered]@{ Site = "lanaudiere"; Node = $env:COMPUTERNAME.ToLowerInvariant(); DataDirectory = $dataDir }
        Mqtt       = [ordered]@{ Host = "broker.example.org"; Port = 8883; Username = "lanaudiere-node"; Tls = @{ Enabled = $true } }
        StatusPage = @{ Urls = "http://0.0.0.0:8080" }
        Sources    = @(@{ Type = "host"; Name = "host"; Interval = "00:00:10" })
    }
    $sample | ConvertTo-Json -Depth 5 | Set-Content -Path $config -Encoding UTF8
    Write-Host "Wrote sample $config - edit site, node, broker and sources. Secrets: set CHEZLEPRO_Mqtt__Password for the service."
}

# Configuration and data: Administrators and SYSTEM (the service account) only.
icacls $configDir /inheritance:r /grant:r "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-18:(OI)(CI)F" | Out-Null

$binPath = "`"$(Join-Path $InstallDir 'chezlepro-agent.exe')`""
if ($existing) {
    sc.exe config $ServiceName binPath= $binPath start= delayed-auto | Out-Null
} else {
    sc.exe create $ServiceName binPath= $binPath start= delayed-auto DisplayName= "Chezlepro site agent" | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe create failed ($LASTEXITCODE)" }
}
sc.exe description $ServiceName "Chezlepro site agent: power plant, infrastructure health, outbox, LAN status page (port 8080)." | Out-Null
# Restart after 5 s, 30 s, then every 60 s; the failure count resets after a day without failure.
sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/30000/restart/60000 | Out-Null
sc.exe failureflag $ServiceName 1 | Out-Null

& (Join-Path $InstallDir "chezlepro-agent.exe") check-config --config $config
if ($LASTEXITCODE -ne 0) { Write-Warning "Configuration has problems (above); the service is installed but not started."; exit 1 }

if (-not $NoStart) { Start-Service -Name $ServiceName; Get-Service -Name $ServiceName }
