#!/usr/bin/env pwsh
# Thin wrapper over dotnet for Windows users: build, test, publish.
#   ./build.ps1                 build and run the unit tests (integration tests left out)
#   ./build.ps1 -Integration    also run the integration tests (need mosquitto, python3-paho-mqtt, ... )
#   ./build.ps1 -Publish        self-contained publish of the agent and collector into ./out/<rid>/
param(
    [switch]$Integration,
    [switch]$Publish,
    [string]$Configuration = "Release",
    [string[]]$Runtimes = @("win-x64", "linux-x64", "linux-arm64")
)
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot

dotnet build Chezlepro.Agent.sln -c $Configuration
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$filter = if ($Integration) { "" } else { "Category!=Integration" }
if ($filter) { dotnet test Chezlepro.Agent.sln -c $Configuration --no-build --filter $filter }
else { dotnet test Chezlepro.Agent.sln -c $Configuration --no-build }
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

if ($Publish) {
    foreach ($rid in $Runtimes) {
        foreach ($project in @("agent/Chezlepro.Agent/Chezlepro.Agent.csproj", "collector/Chezlepro.Collector/Chezlepro.Collector.csproj")) {
            $name = [System.IO.Path]::GetFileNameWithoutExtension($project)
            dotnet publish $project -c $Configuration -r $rid --self-contained true -o "out/$rid/$name"
            if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        }
    }
}
