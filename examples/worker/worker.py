"""Receipt worker: polls the queue, e-mails receipts, archives orders to S3."""
import json
import logging
import os
import time

import boto3
from slack_sdk import WebClient

from settings import ARCHIVE_BUCKET, POLL_SECONDS, aws_session

log = logging.getLogger("worker")


def notify(channel: str, text: str) -> None:
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
    client.chat_postMessage(channel=channel, text=text)


def archive(order: dict) -> None:
    s3 = aws_session().client("s3")
    s3.put_object(Bucket=ARCHIVE_BUCKET, Key=f"orders/{order['id']}.json", Body=json.dumps(order))


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    sqs = boto3.client("sqs")
    queue_url = os.environ["ORDERS_QUEUE_URL"]
    while True:
        messages = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=20).get("Messages", [])
        for message in messages:
            order = json.loads(message["Body"])
            archive(order)
            notify("#orders", f"order {order['id']} archived")
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    main()
