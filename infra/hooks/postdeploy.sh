#!/bin/sh
# Subscribes the inbox to Event Grid once the code is deployed: the webhook carries the blob
# extension's system key, which the host creates when it first starts, so it can lag the deploy.
set -eu

attempt=1
until az deployment group create \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name briefings-inbox-subscription \
    --template-file infra/app/inbox-subscription.bicep \
    --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" systemTopicName="$BRIEFINGS_INBOX_TOPIC_NAME" \
    --output none
do
    if [ "$attempt" -ge 5 ]; then
        echo "Could not subscribe the inbox to Event Grid; run this hook again once the app has started." >&2
        exit 1
    fi
    echo "The blob extension key is not there yet; trying again in 30 seconds ($attempt/5)."
    attempt=$((attempt + 1))
    sleep 30
done

echo "Blobs created in articles-inbox now reach IngestArticle through Event Grid."
