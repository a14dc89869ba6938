// One account for the Functions host, the deployment package and the Briefings data; keys are off,
// everything goes through the app's identity.
param name string
param location string
param tags object
param deploymentContainerName string
param inboxTopicName string

@description('Days after which a kept vector or model answer that has not changed is removed. A day reads only its own and the two before it; rebuilding an older day asks the models again.')
@minValue(7)
param keptModelOutputDays int = 30

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

// The containers Briefings.Core.Storage.Containers.Remade names: blobs the app can make again.
var remadeContainers = [
  'embeddings'
  'model-answers'
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

// Kept vectors and model answers are removed once unchanged for keptModelOutputDays; nothing else is.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'remove-kept-model-output'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for container in remadeContainers: '${container}/']
            }
            actions: {
              baseBlob: {
                delete: { daysAfterModificationGreaterThan: keptModelOutputDays }
              }
            }
          }
        }
      ]
    }
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
