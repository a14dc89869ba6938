// Briefings on Azure: a Flex Consumption function app, its storage, identity and monitoring, an
// optional Azure OpenAI account, and the Event Grid topic that reports new inbox blobs.
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

@description('Addresses added to the subscriber store as confirmed the first time they are seen.')
param emailSubscribers array = []

@description('SMTP server. Without one the app writes .eml files to a temporary folder instead of sending.')
param smtpHost string = ''

param smtpPort int = 587

param smtpUserName string = ''

@secure()
param smtpPassword string = ''

@secure()
@description('HMAC key for confirm and unsubscribe links (at least 32 characters). Empty: the app generates one and keeps it in the storage account.')
param subscriptionSigningKey string = ''

@secure()
@description('Key for the admin routes (GET /api/deliveries/{date}, header x-functions-key). Empty: those routes stay closed.')
param adminKey string = ''

@description('Also deploy an Azure OpenAI account and model for the summaries.')
param deployOpenAi bool = false

param openAiModelName string = 'gpt-4o-mini'

param openAiModelVersion string = '2024-07-18'

@description('Deployment capacity in thousands of tokens per minute.')
param openAiCapacity int = 10

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'

// The digest schedule is read twice: by the timer binding from a flat setting name, and by Core's options.
var briefingsSettings = union(
  {
    BRIEFINGS_DIGEST_SCHEDULE: digestSchedule
    Briefings__Digest__Schedule: digestSchedule
    Briefings__Digest__TimeZone: digestTimeZone
    Briefings__Email__From: emailFrom
    // The package folder is read-only on Flex Consumption; only used when no SMTP host is set.
    Briefings__Email__OutboxPath: '/tmp/briefings/outbox'
  },
  toObject(range(0, length(emailSubscribers)), i => 'Briefings__Email__Subscribers__${i}', i => string(emailSubscribers[i])),
  empty(smtpHost)
    ? {}
    : {
        Briefings__Email__Smtp__Host: smtpHost
        Briefings__Email__Smtp__Port: string(smtpPort)
        Briefings__Email__Smtp__UserName: smtpUserName
        Briefings__Email__Smtp__Password: smtpPassword
      },
  empty(subscriptionSigningKey) ? {} : { Briefings__Subscriptions__SigningKey: subscriptionSigningKey },
  empty(adminKey) ? {} : { Briefings__AdminKey: adminKey },
  deployOpenAi
    ? {
        Briefings__OpenAI__Endpoint: openAi.?outputs.endpoint ?? ''
        Briefings__OpenAI__Deployment: openAi.?outputs.deploymentName ?? ''
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
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
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
output BRIEFINGS_INBOX_TOPIC_NAME string = storage.outputs.inboxTopicName
output BRIEFINGS_API_URL string = '${functions.outputs.url}/api/briefings/latest'
