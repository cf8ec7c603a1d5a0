"""Worker settings. The AWS keys below were pasted for a quick local test and never removed."""
import os

import boto3

ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "orders-archive")
POLL_SECONDS = int(os.environ.get("POLL_SECONDS", "5"))

AWS_ACCESS_KEY_ID = "{{fake:aws-access-key-id}}"
AWS_SECRET_ACCESS_KEY = "{{fake:aws-secret-access-key}}"

SLACK_WEBHOOK = "{{fake:slack-webhook-url}}"

# Signs receipt links; the default was meant for local runs only, but it is what runs wherever
# RECEIPT_SIGNING_SECRET is not set.
RECEIPT_SIGNING_SECRET = os.environ.get("RECEIPT_SIGNING_SECRET", "{{fake:api-key:receipts}}")


def aws_session() -> boto3.Session:
    return boto3.Session(
        aws_access_key_id=AWS_ACCESS_KEY_ID,
        aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        region_name=os.environ.get("AWS_REGION", "eu-west-1"),
    )


def debug_environment() -> None:
    print(os.environ)  # planted: code-env-dump
