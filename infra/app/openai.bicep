// Optional: a model for the summaries, and one for embeddings that join the grouping, reached
// with the app's identity (no keys).
param name string
param location string
param tags object
param modelName string
param modelVersion string
param capacity int

@description('The embeddings model to deploy beside the chat model; empty for none.')
param embeddingModelName string

param embeddingModelVersion string
param embeddingCapacity int

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: modelName
  sku: {
    name: 'GlobalStandard'
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

// Deployments of one account are created one after another.
resource embeddings 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (!empty(embeddingModelName)) {
  parent: account
  name: empty(embeddingModelName) ? 'none' : embeddingModelName
  dependsOn: [deployment]
  sku: {
    name: 'GlobalStandard'
    capacity: embeddingCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: embeddingModelName
      version: embeddingModelVersion
    }
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
output embeddingDeploymentName string = empty(embeddingModelName) ? '' : embeddings.name
