#!/bin/sh
# agentdlp hook shim for agents with command hooks (Codex CLI, Gemini CLI, Cursor, GitHub Copilot,
# Claude Code managed hooks). Forwards the hook's JSON (stdin, or the last argument for Codex
# `notify`) to the local agentdlp sensor and prints the sensor's answer in the agent's own format,
# so no JVM starts per hook.
#
# usage: agentdlp-hook.sh <agent> [event] [payload]
#   agent   claude-code | codex | gemini | cursor | copilot
#   event   hook event name when the payload does not carry it (Copilot), or "notify" (Codex)
# env:     AGENTDLP_SENSOR_PORT (7788), AGENTDLP_SENSOR_DIR (~/.agentdlp/sensor),
#          AGENTDLP_HOOK_TIMEOUT seconds (5), AGENTDLP_FAIL_CLOSED=1 to block when the sensor is down
agent="${1:-claude-code}"
event="${2:-}"
port="${AGENTDLP_SENSOR_PORT:-7788}"
dir="${AGENTDLP_SENSOR_DIR:-$HOME/.agentdlp/sensor}"
token="$(cat "$dir/token" 2>/dev/null)"
url="http://127.0.0.1:$port/hook/$agent"
[ -n "$event" ] && url="$url?event=$event"

fail() {
  if [ "${AGENTDLP_FAIL_CLOSED:-0}" = "1" ]; then
    echo "agentdlp: the DLP sensor is not answering and this machine is configured to fail closed" >&2
    exit 2
  fi
  exit 0
}

if [ $# -ge 3 ]; then
  out="$(printf '%s' "$3" | curl -sS --max-time "${AGENTDLP_HOOK_TIMEOUT:-5}" -H "X-Agentdlp-Token: $token" \
    -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}' "$url" 2>/dev/null)" || fail
else
  out="$(curl -sS --max-time "${AGENTDLP_HOOK_TIMEOUT:-5}" -H "X-Agentdlp-Token: $token" \
    -H 'Content-Type: application/json' --data-binary @- -w '\n%{http_code}' "$url" 2>/dev/null)" || fail
fi
code="$(printf '%s\n' "$out" | tail -n 1)"
body="$(printf '%s\n' "$out" | sed '$d')"
[ "$code" = "200" ] || fail
printf '%s\n' "$body"
exit 0
