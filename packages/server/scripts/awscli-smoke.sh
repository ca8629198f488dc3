#!/usr/bin/env bash
# Drives the local SWF server with the AWS CLI, a client that shares no code with Swirl: one
# workflow with one activity from registration to history. Exits non-zero on any failure.
#   packages/server/scripts/awscli-smoke.sh        (AWS_CLI=/path/to/aws to pick another CLI)
#   AWSCLI_SMOKE_AUTH=sigv4 packages/server/scripts/awscli-smoke.sh
#     runs the server with --auth sigv4: botocore's signer must be accepted, a wrong secret refused.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if [ -n "${AWS_CLI:-}" ]; then AWS="$AWS_CLI"
elif [ -x /usr/bin/aws ]; then AWS=/usr/bin/aws
elif command -v aws >/dev/null 2>&1; then AWS="$(command -v aws)"
else echo "awscli smoke: no AWS CLI found (apt-get install -y awscli)" >&2; exit 1
fi

# Dummy credentials and no user config: the CLI signs every request, the server ignores signatures
# (unless AWSCLI_SMOKE_AUTH=sigv4, which swaps in keys the server checks).
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_SESSION_TOKEN=test AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "awscli smoke: FAIL: $*" >&2
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$work/server.log" >&2 || true
  exit 1
}

auth="${AWSCLI_SMOKE_AUTH:-none}"
if [ "$auth" = sigv4 ]; then
  # Long-term keys the server knows: no session token.
  unset AWS_SESSION_TOKEN
  export AWS_ACCESS_KEY_ID=AKIDAWSCLISMOKE AWS_SECRET_ACCESS_KEY=awscli-smoke-secret
  export SWIRL_AUTH_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID" SWIRL_AUTH_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY"
fi
node --conditions=swirl-source --import tsx packages/server/src/main.ts --port 0 --log-level info --auth "$auth" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
endpoint=""
for _ in $(seq 1 300); do
  endpoint="$(sed -n 's/^swirl server listening on //p' "$work/server.out")"
  [ -n "$endpoint" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited before listening"
  sleep 0.1
done
[ -n "$endpoint" ] || fail "the server did not print its endpoint within 30 s"
echo "awscli smoke: $("$AWS" --version 2>&1 | head -n 1) against $endpoint"

swf() {
  local out
  out="$("$AWS" --endpoint-url "$endpoint" --region us-east-1 --output json swf "$@" 2>"$work/aws.err")" \
    || fail "aws swf $1 exited non-zero: $(cat "$work/aws.err")"
  printf '%s' "$out"
}

# check JSON JS-EXPRESSION DESCRIPTION: evaluates the expression with `j` bound to the parsed JSON.
check() {
  node -e '
    const [json, expr, what] = process.argv.slice(1);
    const j = json.trim() === "" ? {} : JSON.parse(json);
    if (!new Function("j", `return (${expr});`)(j)) {
      console.error(`awscli smoke: FAIL: ${what}\n${JSON.stringify(j, null, 2).slice(0, 4000)}`);
      process.exit(1);
    }' "$1" "$2" "$3" || fail "$3"
  echo "  ok: $3"
}

# field JSON PATH: prints a dotted path of the JSON (empty when missing).
field() {
  node -e '
    const [json, path] = process.argv.slice(1);
    const value = path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), JSON.parse(json));
    process.stdout.write(value == null ? "" : String(value));' "$1" "$2"
}

domain="awscli-smoke"
out="$(swf register-domain --name "$domain" --workflow-execution-retention-period-in-days 1 --description "AWS CLI smoke test")"
check "$out" 'Object.keys(j).length === 0' "register-domain answers with no output"

out="$(swf register-workflow-type --domain "$domain" --name SmokeWorkflow --workflow-version 1 \
  --default-task-list name=smoke-decisions --default-execution-start-to-close-timeout 600 \
  --default-task-start-to-close-timeout 60 --default-child-policy TERMINATE)"
check "$out" 'Object.keys(j).length === 0' "register-workflow-type answers with no output"

out="$(swf register-activity-type --domain "$domain" --name SmokeActivity --activity-version 1 \
  --default-task-list name=smoke-activities --default-task-schedule-to-start-timeout 60 \
  --default-task-start-to-close-timeout 60 --default-task-schedule-to-close-timeout 120 --default-task-heartbeat-timeout NONE)"
check "$out" 'Object.keys(j).length === 0' "register-activity-type answers with no output"

out="$(swf start-workflow-execution --domain "$domain" --workflow-id smoke-1 \
  --workflow-type name=SmokeWorkflow,version=1 --input '"hello"' --tag-list smoke)"
check "$out" 'typeof j.runId === "string" && j.runId.length > 0' "start-workflow-execution returns a runId"
run_id="$(field "$out" runId)"

out="$(swf poll-for-decision-task --domain "$domain" --task-list name=smoke-decisions --identity awscli)"
check "$out" 'typeof j.taskToken === "string" && j.taskToken.length > 0' "poll-for-decision-task hands out the first decision task"
check "$out" 'j.workflowExecution.runId === "'"$run_id"'" && j.events[0].eventType === "WorkflowExecutionStarted" && j.events[0].workflowExecutionStartedEventAttributes.input === "\"hello\""' \
  "the decision task carries the execution and its start event with the input"
check "$out" 'j.events.at(-1).eventType === "DecisionTaskStarted" && j.startedEventId === j.events.at(-1).eventId && j.previousStartedEventId === 0' \
  "the decision task ends with its DecisionTaskStarted event"
token="$(field "$out" taskToken)"

decisions='[{"decisionType":"ScheduleActivityTask","scheduleActivityTaskDecisionAttributes":{"activityType":{"name":"SmokeActivity","version":"1"},"activityId":"greet","input":"world"}}]'
out="$(swf respond-decision-task-completed --task-token="$token" --decisions "$decisions")"
check "$out" 'Object.keys(j).length === 0' "respond-decision-task-completed accepts a ScheduleActivityTask decision"

out="$(swf poll-for-activity-task --domain "$domain" --task-list name=smoke-activities --identity awscli)"
check "$out" 'j.activityId === "greet" && j.input === "world" && j.activityType.name === "SmokeActivity" && j.workflowExecution.runId === "'"$run_id"'"' \
  "poll-for-activity-task hands out the scheduled activity"
token="$(field "$out" taskToken)"

out="$(swf respond-activity-task-completed --task-token="$token" --result "hello world")"
check "$out" 'Object.keys(j).length === 0' "respond-activity-task-completed is accepted"

out="$(swf poll-for-decision-task --domain "$domain" --task-list name=smoke-decisions --identity awscli)"
check "$out" 'j.events.some((e) => e.eventType === "ActivityTaskCompleted" && e.activityTaskCompletedEventAttributes.result === "hello world")' \
  "the second decision task shows the activity result"
check "$out" 'j.previousStartedEventId > 0' "the second decision task names the previous started event"
token="$(field "$out" taskToken)"

decisions='[{"decisionType":"CompleteWorkflowExecution","completeWorkflowExecutionDecisionAttributes":{"result":"done"}}]'
swf respond-decision-task-completed --task-token="$token" --decisions "$decisions" >/dev/null

out="$(swf get-workflow-execution-history --domain "$domain" --execution workflowId=smoke-1,runId="$run_id")"
check "$out" 'j.events.map((e) => e.eventId).join() === j.events.map((_, i) => i + 1).join()' "history event ids run 1, 2, 3, ..."
check "$out" 'j.events.at(-1).eventType === "WorkflowExecutionCompleted" && j.events.at(-1).workflowExecutionCompletedEventAttributes.result === "done"' \
  "the history ends with WorkflowExecutionCompleted"

out="$(swf describe-workflow-execution --domain "$domain" --execution workflowId=smoke-1,runId="$run_id")"
check "$out" 'j.executionInfo.executionStatus === "CLOSED" && j.executionInfo.closeStatus === "COMPLETED" && j.executionInfo.tagList[0] === "smoke"' \
  "describe-workflow-execution shows the run closed as COMPLETED"

out="$(swf list-domains --registration-status REGISTERED)"
check "$out" 'j.domainInfos.some((d) => d.name === "'"$domain"'" && d.status === "REGISTERED" && d.description === "AWS CLI smoke test")' \
  "list-domains lists the domain"

# A modeled fault must reach the CLI by name.
if "$AWS" --endpoint-url "$endpoint" --region us-east-1 swf describe-domain --name no-such-domain >/dev/null 2>"$work/aws.err"; then
  fail "describe-domain of an unknown domain succeeded"
fi
grep -q "UnknownResourceFault" "$work/aws.err" || fail "describe-domain of an unknown domain did not report UnknownResourceFault: $(cat "$work/aws.err")"
echo "  ok: an unknown domain reaches the CLI as UnknownResourceFault"

if [ "$auth" = sigv4 ]; then
  if AWS_SECRET_ACCESS_KEY=not-the-secret "$AWS" --endpoint-url "$endpoint" --region us-east-1 swf list-domains \
    --registration-status REGISTERED >/dev/null 2>"$work/aws.err"; then
    fail "a call signed with a wrong secret succeeded under --auth sigv4"
  fi
  grep -q "InvalidSignatureException" "$work/aws.err" || fail "a wrong secret did not report InvalidSignatureException: $(cat "$work/aws.err")"
  echo "  ok: under --auth sigv4 the CLI's signatures are accepted and a wrong secret is InvalidSignatureException"
fi

kill -TERM "$server_pid"
wait "$server_pid" || fail "the server did not exit cleanly on SIGTERM"
server_pid=""

echo "awscli smoke: passed"
