# Build the Windows bundle and installer, then smoke-test both (PowerShell 5.1 or 7).
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Python "py -3.11"] [-SkipTests]
#
# Needs: Python 3.11+ (python.org or `py` launcher), NSIS 3 (makensis on PATH or in
# Program Files), internet for pip. PyInstaller cannot cross-compile, so this runs on
# Windows. Output: dist\redband\ (the bundle) and dist\redband-setup-VERSION.exe.
param(
    [string]$Python = "py -3.11",
    [switch]$SkipTests
)
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path (Join-Path $PSScriptRoot "..\.."))

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    Write-Host "> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe exited with $LASTEXITCODE" }
}

# -- bundle ----------------------------------------------------------------------
$pyExe, $pyArgs = $Python -split " ", 2
Invoke-Checked $pyExe (@($pyArgs | Where-Object { $_ }) + @("-m", "venv", "--clear", ".venv-dist"))
$venvPy = ".venv-dist\Scripts\python.exe"
Invoke-Checked $venvPy @("-m", "pip", "install", "--disable-pip-version-check", "--upgrade", "pip")
Invoke-Checked $venvPy @("-m", "pip", "install", "--disable-pip-version-check", "-e", ".[dist]")
if (Test-Path dist\redband) { Remove-Item -Recurse -Force dist\redband }
Invoke-Checked ".venv-dist\Scripts\pyinstaller.exe" @("--noconfirm", "--log-level", "WARN", "--distpath", "dist",
    "--workpath", "build\pyinstaller", "installer\redband.spec")
$version = (& $venvPy -c "import redband_desktop; print(redband_desktop.__version__)").Trim()

# -- installer -------------------------------------------------------------------
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
$setup = "dist\redband-setup-$version.exe"
Invoke-Checked $makensis @("/WX", "/INPUTCHARSET", "UTF8", "/DSOURCE_DIR=$PWD\dist\redband", "/DVERSION=$version",
    "/DOUTFILE=$PWD\$setup", "installer\windows\redband.nsi")
$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse dist\redband | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "bundle dist\redband: $size; installer $setup"
if ($SkipTests) { exit 0 }

# -- smoke test: the bundle, then the installed copy, on scratch data folders ----
$scratch = Join-Path $env:TEMP ("redband-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $scratch | Out-Null
# The databases live in $scratch (--db); self-test makes its own temporary one. Backups
# taken before a migration would go to this Windows user's data folder.
$env:REDBAND_PASSWORD = "Station#2026"

function Test-Program([string]$Folder, [string]$Work) {
    New-Item -ItemType Directory -Force $Work | Out-Null
    $exe = Join-Path $Folder "redband.exe"
    Invoke-Checked $exe @("--lang", "en", "self-test", "--screenshot", "$Work\self-test.png")
    Invoke-Checked $exe @("--lang", "en", "--db", "$Work\station.sqlite3", "init", "--demo", "--admin", "admin")
    Invoke-Checked $exe @("--lang", "en", "--db", "$Work\station.sqlite3", "--user", "admin", "cards", "print",
        "--out", "$Work\cards.pdf")
    Invoke-Checked $exe @("--lang", "en", "--db", "$Work\station.sqlite3", "check")
}

Test-Program "dist\redband" "$scratch\bundle"
$target = "$scratch\installed"
$p = Start-Process -FilePath $setup -ArgumentList @("/S", "/CurrentUser", "/D=$target") -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "installer exited with $($p.ExitCode)" }
Test-Program $target "$scratch\installed-run"
$p = Start-Process -FilePath "$target\uninstall.exe" -ArgumentList @("/CurrentUser", "/S", "_?=$target") -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "uninstaller exited with $($p.ExitCode)" }
if (Test-Path "$target\redband.exe") { throw "the uninstaller left the program behind" }
if (-not (Test-Path "$scratch\installed-run\station.sqlite3")) { throw "the uninstaller removed user data" }
Write-Host "smoke test passed"
