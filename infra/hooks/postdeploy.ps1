# Subscribes the inbox to Event Grid once the code is deployed: the webhook carries the blob
# extension's system key, which the host creates when it first starts, so it can lag the deploy.
$ErrorActionPreference = 'Stop'

for ($attempt = 1; ; $attempt++) {
    az deployment group create `
        --resource-group $env:AZURE_RESOURCE_GROUP `
        --name briefings-inbox-subscription `
        --template-file infra/app/inbox-subscription.bicep `
        --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME systemTopicName=$env:BRIEFINGS_INBOX_TOPIC_NAME `
        --output none
    if ($LASTEXITCODE -eq 0) { break }
    if ($attempt -ge 5) {
        Write-Error 'Could not subscribe the inbox to Event Grid; run this hook again once the app has started.'
    }
    Write-Host "The blob extension key is not there yet; trying again in 30 seconds ($attempt/5)."
    Start-Sleep -Seconds 30
}

Write-Host 'Blobs created in articles-inbox now reach IngestArticle through Event Grid.'
