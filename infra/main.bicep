// Briefings on Azure: a Flex Consumption function app, its storage, identity, monitoring and Key
// Vault, an optional Azure OpenAI account, and the Event Grid topic that reports new inbox blobs.
// The Event Grid subscription itself is made after deploy (hooks/postdeploy.*): its webhook needs
// the blob extension's key, which exists only once the deployed host has started.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds the names of all resources.')
param environmentName string

@minLength(1)
@description('Region of all resources; it must offer Flex Consumption.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user, given blob access for uploads and debugging. Empty for none.')
param principalId string = ''

@description('NCRONTAB with seconds, evaluated in UTC (Flex Consumption has no WEBSITE_TIME_ZONE).')
param digestSchedule string = '0 0 6 * * *'

@description('The time zone (IANA or Windows id) that decides which day a digest covers.')
param digestTimeZone string = 'UTC'

@description('Sender of the briefing emails.')
param emailFrom string = 'Briefings <briefings@localhost>'

@description('Addresses that receive every briefing, separated by commas.')
param emailSubscribers string = ''

@description('SMTP server. Without one the app writes .eml files to a temporary folder instead of sending.')
param smtpHost string = ''

@description('SMTP port: 587 (STARTTLS) or 465 (TLS on connect).')
param smtpPort int = 587

@description('SMTP user name; stored in Key Vault.')
@secure()
param smtpUserName string = ''

@description('SMTP password or API key; stored in Key Vault.')
@secure()
param smtpPassword string = ''

@description('The key that signs subscription links (confirm, unsubscribe); stored in Key Vault. Use 32 random bytes, base64.')
@secure()
param signingKey string = ''

@description('Also deploy an Azure OpenAI account and model for the summaries.')
param deployOpenAi bool = false

@description('The model to deploy when deployOpenAi is true.')
param openAiModelName string = 'gpt-4o-mini'

@description('The model version to deploy.')
param openAiModelVersion string = '2024-07-18'

@description('Deployment capacity in thousands of tokens per minute.')
param openAiCapacity int = 10

@description('The embeddings model deployed beside it when deployOpenAi is true, whose vectors join the story grouping; empty for none.')
param openAiEmbeddingModelName string = 'text-embedding-3-small'

@description('The embeddings model version to deploy.')
param openAiEmbeddingModelVersion string = '1'

@description('Embeddings deployment capacity in thousands of tokens per minute.')
param openAiEmbeddingCapacity int = 50

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var subscribers = filter(map(split(emailSubscribers, ','), address => trim(address)), address => !empty(address))

@description('An app setting value that Functions resolves from Key Vault with the app identity (the latest version).')
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

// The digest schedule is read twice: by the timer binding from a flat setting name, and by Core's options.
// Secrets appear only as Key Vault references, and only when given (keyvault.bicep stores them).
var briefingsSettings = union(
  {
    BRIEFINGS_DIGEST_SCHEDULE: digestSchedule
    Briefings__Digest__Schedule: digestSchedule
    Briefings__Digest__TimeZone: digestTimeZone
    Briefings__Email__From: emailFrom
    // The package folder is read-only on Flex Consumption; only used when no SMTP host is set.
    Briefings__Email__OutboxPath: '/tmp/briefings/outbox'
  },
  toObject(range(0, length(subscribers)), i => 'Briefings__Email__Subscribers__${i}', i => subscribers[i]),
  empty(smtpHost)
    ? {}
    : {
        Briefings__Email__Smtp__Host: smtpHost
        Briefings__Email__Smtp__Port: string(smtpPort)
      },
  empty(smtpUserName) ? {} : { Briefings__Email__Smtp__UserName: keyVaultReference(keyVault.outputs.uri, 'smtp-username') },
  empty(smtpPassword) ? {} : { Briefings__Email__Smtp__Password: keyVaultReference(keyVault.outputs.uri, 'smtp-password') },
  empty(signingKey) ? {} : { Briefings__Subscriptions__SigningKey: keyVaultReference(keyVault.outputs.uri, 'signing-key') },
  deployOpenAi
    ? {
        Briefings__OpenAI__Endpoint: openAi.?outputs.endpoint ?? ''
        Briefings__OpenAI__Deployment: openAi.?outputs.deploymentName ?? ''
        Briefings__OpenAI__EmbeddingDeployment: openAi.?outputs.embeddingDeploymentName ?? ''
      }
    : {}
)

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
    inboxTopicName: 'evgt-inbox-${resourceToken}'
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    smtpUserName: smtpUserName
    smtpPassword: smtpPassword
    signingKey: signingKey
  }
}

module openAi 'app/openai.bicep' = if (deployOpenAi) {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: location
    tags: tags
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    capacity: openAiCapacity
    embeddingModelName: openAiEmbeddingModelName
    embeddingModelVersion: openAiEmbeddingModelVersion
    embeddingCapacity: openAiEmbeddingCapacity
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    openAiAccountName: openAi.?outputs.name ?? ''
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  dependsOn: [roles]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'functions'
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appSettings: briefingsSettings
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output BRIEFINGS_INBOX_TOPIC_NAME string = storage.outputs.inboxTopicName
output BRIEFINGS_API_URL string = '${functions.outputs.url}/api/briefings/latest'
