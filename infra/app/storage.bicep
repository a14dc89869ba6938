// One account for the Functions host, the deployment package and the Briefings data; keys are off,
// everything goes through the app's identity.
param name string
param location string
param tags object
param deploymentContainerName string
param inboxTopicName string

// The containers Briefings.Core.Storage.Containers names.
var dataContainers = [
  'articles-inbox'
  'articles'
  'articles-poison'
  'ingest-receipts'
  'digests'
  'deliveries'
  'embeddings'
  'model-answers'
  'subscribers'
  'keys'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [for container in concat(dataContainers, [deploymentContainerName]): {
      name: container
    }]
  }
}

// Reports BlobCreated in the inbox to the blob trigger (Source = EventGrid); Flex Consumption has no polling blob trigger.
resource inboxTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: inboxTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = storage.name
output deploymentContainerName string = deploymentContainerName
output inboxTopicName string = inboxTopic.name
