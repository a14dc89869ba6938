// Deployed after the code (hooks/postdeploy.*): Event Grid sends BlobCreated events for the inbox to
// the blob extension's webhook, which needs the extension's system key, made when the host starts.
param functionAppName string
param systemTopicName string
param containerName string = 'articles-inbox'
@description('The blob-triggered function: IngestArticle in src/Briefings.Functions.')
param functionName string = 'IngestArticle'

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

var blobsExtensionKey = listKeys('${functionApp.id}/host/default', functionApp.apiVersion).systemKeys.blobs_extension

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: systemTopic
  name: 'ingest-${containerName}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        // Flex Consumption hostnames need not be <name>.azurewebsites.net, so take the one the app reports.
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
