// The Flex Consumption plan and the function app, with identity-based connections only.
param name string
param planName string
param location string
param tags object
@description('The service name in azure.yaml; azd finds the app by this tag.')
param serviceName string
param identityName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
@description('Briefings settings, merged with the connection settings below. Secrets arrive as Key Vault references.')
param appSettings object
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity, not a system-assigned one.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
    }
    // Flex Consumption takes runtime and package location here, not from FUNCTIONS_WORKER_RUNTIME or WEBSITE_RUN_FROM_PACKAGE.
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, {
      // The host's own storage (keys, timer schedule monitor, blob trigger receipts), by identity only.
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      // The blob trigger's connection: IngestArticle.StorageConnection in src/Briefings.Functions.
      BriefingsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      BriefingsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      BriefingsStorage__credential: 'managedidentity'
      BriefingsStorage__clientId: identity.properties.clientId
      // Core's store and the OpenAI client use DefaultAzureCredential, which takes the identity from here.
      AZURE_CLIENT_ID: identity.properties.clientId
      Briefings__Storage__BlobServiceUri: storage.properties.primaryEndpoints.blob
      Briefings__Templates__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
      // The web page answers at the site root (host.json sets an empty route prefix), not the host's placeholder page.
      AzureWebJobsDisableHomepage: 'true'
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    })
  }
}

output name string = functionApp.name
output url string = 'https://${functionApp.properties.defaultHostName}'
