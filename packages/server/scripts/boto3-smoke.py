#!/usr/bin/env python3
"""Drives the local SWF server with boto3: one workflow with one activity, the typed faults, paging.

    python3 packages/server/scripts/boto3-smoke.py

Skips (exit 0) when boto3 is not importable; exits non-zero on any failure.
"""
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

try:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError:
    print("boto3 smoke: skipped, boto3 is not importable by", sys.executable)
    sys.exit(0)

REPO = Path(__file__).resolve().parents[3]


def start_server():
    process = subprocess.Popen(
        ["node", "--conditions=swirl-source", "--import", "tsx", "packages/server/src/main.ts", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline()
    match = re.match(r"swirl server listening on (\S+)", line)
    if not match:
        process.kill()
        raise SystemExit(f"boto3 smoke: FAIL: the server did not print its endpoint (got {line!r})")
    return process, match.group(1)


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("  ok:", what)


def fault_name(call):
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


def main():
    process, endpoint = start_server()
    try:
        swf = boto3.client(
            "swf",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
            config=Config(read_timeout=70, retries={"max_attempts": 1}),
        )
        print(f"boto3 smoke: boto3 {boto3.__version__} against {endpoint}")
        domain = "boto3-smoke"
        swf.register_domain(name=domain, workflowExecutionRetentionPeriodInDays="1")
        swf.register_workflow_type(
            domain=domain, name="W", version="1", defaultTaskList={"name": "decisions"},
            defaultExecutionStartToCloseTimeout="600", defaultTaskStartToCloseTimeout="60", defaultChildPolicy="TERMINATE",
        )
        swf.register_activity_type(
            domain=domain, name="A", version="1", defaultTaskList={"name": "activities"},
            defaultTaskScheduleToStartTimeout="60", defaultTaskStartToCloseTimeout="60",
            defaultTaskScheduleToCloseTimeout="120", defaultTaskHeartbeatTimeout="NONE",
        )
        check(fault_name(lambda: swf.register_domain(name=domain, workflowExecutionRetentionPeriodInDays="1")) == "DomainAlreadyExistsFault",
              "a second register_domain raises DomainAlreadyExistsFault")
        check(fault_name(lambda: swf.describe_domain(name="nope")) == "UnknownResourceFault", "an unknown domain raises UnknownResourceFault")
        check(fault_name(lambda: swf.register_domain(name="a:b", workflowExecutionRetentionPeriodInDays="1")) == "ValidationException",
              "a name breaking the naming rule raises ValidationException")

        run_id = swf.start_workflow_execution(domain=domain, workflowId="wf-1", workflowType={"name": "W", "version": "1"}, input="in")["runId"]
        task = swf.poll_for_decision_task(domain=domain, taskList={"name": "decisions"}, identity="boto3")
        check(task["workflowExecution"]["runId"] == run_id and task["events"][0]["eventType"] == "WorkflowExecutionStarted",
              "poll_for_decision_task returns the new run")
        check(hasattr(task["events"][0]["eventTimestamp"], "tzinfo"), "event timestamps parse as datetimes")
        swf.respond_decision_task_completed(taskToken=task["taskToken"], decisions=[{
            "decisionType": "ScheduleActivityTask",
            "scheduleActivityTaskDecisionAttributes": {"activityType": {"name": "A", "version": "1"}, "activityId": "a1", "input": "x"},
        }])
        activity = swf.poll_for_activity_task(domain=domain, taskList={"name": "activities"}, identity="boto3")
        check(activity["activityId"] == "a1" and activity["input"] == "x", "poll_for_activity_task returns the activity")
        check(swf.record_activity_task_heartbeat(taskToken=activity["taskToken"], details="half")["cancelRequested"] is False,
              "a heartbeat answers cancelRequested false")
        swf.respond_activity_task_completed(taskToken=activity["taskToken"], result="y")
        check(fault_name(lambda: swf.respond_activity_task_completed(taskToken=activity["taskToken"], result="again")) == "UnknownResourceFault",
              "a closed task token raises UnknownResourceFault")
        task = swf.poll_for_decision_task(domain=domain, taskList={"name": "decisions"}, identity="boto3")
        swf.respond_decision_task_completed(taskToken=task["taskToken"], decisions=[
            {"decisionType": "CompleteWorkflowExecution", "completeWorkflowExecutionDecisionAttributes": {"result": "done"}},
        ])

        pages = list(swf.get_paginator("get_workflow_execution_history").paginate(
            domain=domain, execution={"workflowId": "wf-1", "runId": run_id}, maximumPageSize=2))
        events = [event for page in pages for event in page["events"]]
        check(len(pages) > 1 and [e["eventId"] for e in events] == list(range(1, len(events) + 1)),
              "the history paginator walks every page in order")
        check(events[-1]["eventType"] == "WorkflowExecutionCompleted", "the history ends with WorkflowExecutionCompleted")
        closed = swf.list_closed_workflow_executions(domain=domain, startTimeFilter={"oldestDate": 0}, closeStatusFilter={"status": "COMPLETED"})
        check([info["execution"]["runId"] for info in closed["executionInfos"]] == [run_id], "list_closed_workflow_executions finds the run")
        check(any(d["name"] == domain for d in swf.list_domains(registrationStatus="REGISTERED")["domainInfos"]), "list_domains lists the domain")
        print("boto3 smoke: passed")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            raise SystemExit("boto3 smoke: FAIL: the server did not stop within 10 s of SIGTERM")
        if code != 0:
            raise SystemExit(f"boto3 smoke: FAIL: the server exited with {code} on SIGTERM")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        raise SystemExit(f"boto3 smoke: FAIL: {error}")
