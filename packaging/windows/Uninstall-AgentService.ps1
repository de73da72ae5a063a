#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Stops and removes the ChezleproAgent service and its binaries. Configuration and outbox stay unless -RemoveData.
#>
param(
    [string]$ServiceName = "ChezleproAgent",
    [string]$InstallDir = (Join-Path $env:ProgramFiles "Chezlepro\Agent"),
    [switch]$RemoveData
)
$ErrorActionPreference = "Stop"

$service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne "Stopped") {
        Stop-Service -Name $ServiceName
        $service.WaitForStatus("Stopped", [TimeSpan]::FromSeconds(60))
    }
    sc.exe delete $ServiceName | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "sc.exe delete failed ($LASTEXITCODE)" }
}
if (Test-Path $InstallDir) { Remove-Item -Recurse -Force $InstallDir }
if ($RemoveData) {
    # Deletes unsent messages too.
    $configDir = Join-Path $env:ProgramData "Chezlepro"
    Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $configDir "agent.json")
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $configDir "agent-data")
}
Write-Host "$ServiceName removed."
