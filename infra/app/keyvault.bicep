// The app's secrets (SMTP credentials, the signing key), read by the function app through Key Vault
// references with its identity; nothing secret is ever an app setting in plain text.
param name string
param location string
param tags object

@secure()
param smtpUserName string

@secure()
param smtpPassword string

@secure()
param signingKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure roles only (Key Vault Secrets User for the app), no access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// A secret is stored only when given; main.bicep adds the matching reference only then.
resource smtpUserNameSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpUserName)) {
  parent: vault
  name: 'smtp-username'
  properties: {
    value: smtpUserName
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(signingKey)) {
  parent: vault
  name: 'signing-key'
  properties: {
    value: signingKey
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
