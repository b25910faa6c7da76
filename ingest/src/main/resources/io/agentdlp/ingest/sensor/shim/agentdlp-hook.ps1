# agentdlp hook shim for Windows (PowerShell 5.1+): forwards the hook's JSON (stdin, or -Payload for
# Codex notify) to the local agentdlp sensor and prints its answer in the agent's own format.
# usage: powershell -NoProfile -ExecutionPolicy Bypass -File agentdlp-hook.ps1 <agent> [event] [payload]
# env:   AGENTDLP_SENSOR_PORT (7788), AGENTDLP_SENSOR_DIR (%USERPROFILE%\.agentdlp\sensor),
#        AGENTDLP_HOOK_TIMEOUT seconds (5), AGENTDLP_FAIL_CLOSED=1 to block when the sensor is down
param([string]$Agent = "claude-code", [string]$Event = "", [string]$Payload = "")

function Fail {
    if ($env:AGENTDLP_FAIL_CLOSED -eq "1") {
        [Console]::Error.WriteLine("agentdlp: the DLP sensor is not answering and this machine is configured to fail closed")
        exit 2
    }
    exit 0
}

$port = if ($env:AGENTDLP_SENSOR_PORT) { $env:AGENTDLP_SENSOR_PORT } else { "7788" }
$dir = if ($env:AGENTDLP_SENSOR_DIR) { $env:AGENTDLP_SENSOR_DIR } else { Join-Path $HOME ".agentdlp\sensor" }
$timeout = if ($env:AGENTDLP_HOOK_TIMEOUT) { [int]$env:AGENTDLP_HOOK_TIMEOUT } else { 5 }
try {
    $body = if ($Payload) { $Payload } else { [Console]::In.ReadToEnd() }
    $token = (Get-Content -Raw -Path (Join-Path $dir "token")).Trim()
    $url = "http://127.0.0.1:$port/hook/$Agent"
    if ($Event) { $url = "$url" + "?event=" + [Uri]::EscapeDataString($Event) }
    $resp = Invoke-WebRequest -UseBasicParsing -Method Post -Uri $url -TimeoutSec $timeout `
        -Headers @{ "X-Agentdlp-Token" = $token } -ContentType "application/json" `
        -Body ([Text.Encoding]::UTF8.GetBytes($body))
    if ($resp.StatusCode -ne 200) { Fail }
    [Console]::Out.WriteLine($resp.Content)
    exit 0
} catch {
    Fail
}
