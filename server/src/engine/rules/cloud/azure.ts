import type { SecretRule } from '../secretRule';
import { ALNUM, BASE64, BASE64URL, chars } from '../fake';
import { decodeBase64, isBase64OfLength } from '../checksums';
import { around, fakeUuid, isMixedAlnum, lineBefore, namedValue } from './ruleKit';

const KEY_ROTATE = (where: string) =>
  `In the Azure portal open ${where}, regenerate the leaked key (use the secondary key meanwhile so nothing breaks), review the activity log, then switch callers to Microsoft Entra ID auth (managed identity) or read the key from Azure Key Vault.`;
const ENTRA_ROTATE =
  'In Microsoft Entra ID (App registrations > the app > Certificates & secrets) add a new client secret, deploy it from Azure Key Vault, then delete the leaked one; check the sign-in logs for the service principal. Prefer a managed identity or workload identity federation.';
const key88 = (label: string) => chars(BASE64, 86, `az88:${label}`) + '==';
const key44 = (label: string) => chars(BASE64, 43, `az44:${label}`) + '=';
const entraSecret = (label: string) => chars(ALNUM, 3, `e1:${label}`) + '8Q~' + chars(BASE64URL.replace('-', '.') + '~', 34, `e2:${label}`);

/** Storage / Cosmos DB account keys are base64 of 64 random bytes. */
const is64ByteKey = (secret: string) => isBase64OfLength(secret, 64);
/** Shared access keys (Service Bus, Event Hubs, IoT Hub, SignalR) are base64 of 32 bytes. */
const is32ByteKey = (secret: string) => isBase64OfLength(secret, 32);

export const azureRules: SecretRule[] = [
  {
    // A classic .publishsettings file: its ManagementCertificate is a PKCS#12 with the private key.
    id: 'azure-management-certificate',
    title: 'Azure management certificate with its private key (.publishsettings)',
    provider: 'Azure',
    keywords: ['managementcertificate'],
    window: { before: 0, after: 16100 },
    pattern: /ManagementCertificate="(?<secret>MII[A-Za-z0-9+/]{600,16000}={0,2})"/,
    validate: (secret) => decodeBase64(secret.slice(0, 8)) !== undefined,
    minEntropy: 4,
    severity: 'error',
    envName: 'AZURE_MANAGEMENT_CERTIFICATE',
    description: 'A publish-settings file holds a management certificate and its private key: whoever has the file can manage the subscription through the Service Management API.',
    remediation:
      'Delete the certificate from the subscription (Azure portal > Subscriptions > the subscription > Management certificates), delete the file everywhere it was shared, and deploy with a service principal or managed identity (Azure Resource Manager) instead of publish settings.',
    examples: {
      positive: [
        `<PublishData>\n  <PublishProfile SchemaVersion="2.0" PublishMethod="AzureServiceManagementAPI">\n    <Subscription ServiceManagementUrl="https://management.core.windows.net" Id="${fakeUuid('pub1')}" Name="Pay-As-You-Go" ManagementCertificate="MIIK${chars(BASE64, 2400, 'pub2')}" />\n  </PublishProfile>\n</PublishData>`,
        `<Subscription\r\n      Id="${fakeUuid('pub3')}"\r\n      Name="Visual Studio Enterprise"\r\n      ManagementCertificate="MIIJ${chars(BASE64, 1800, 'pub4')}==" />`,
      ],
      negative: ['<Subscription Id="x" Name="y" ManagementCertificate="" />', '<Subscription ManagementCertificate="MIIKxxxxxxxxxxxxxxxxxxxxxxxx" />'],
    },
  },
  {
    id: 'azure-storage-connection-string',
    title: 'Azure Storage account connection string',
    provider: 'Azure',
    keywords: ['accountkey='],
    pattern: /AccountName=[a-z0-9]{3,24};AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/i,
    validate: is64ByteKey,
    severity: 'error',
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
    remediation: KEY_ROTATE('the storage account > Security + networking > Access keys'),
    examples: {
      positive: [
        `conn = "DefaultEndpointsProtocol=https;AccountName=demostore;AccountKey=${key88('s1')};EndpointSuffix=core.windows.net"`,
        `AZURE_STORAGE_CONNECTION_STRING=AccountName=logs01;AccountKey=${key88('s2')}`,
      ],
      negative: ['DefaultEndpointsProtocol=https;AccountName=demostore;AccountKey=<key>;', 'UseDevelopmentStorage=true', `AccountName=x1y;AccountKey=${chars(BASE64, 40, 's3')}==`],
    },
  },
  {
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    provider: 'Azure',
    keywords: ['accountkey', 'account_key', 'account-key', 'storagekey', 'storage_key', 'storage-key', 'access_key', 'accesskey'],
    pattern: namedValue('(?:azure|storage|account)[_.-]?(?:storage[_.-]?)?(?:account[_.-]?)?(?:access[_.-]?)?key', '[A-Za-z0-9+/]{86}==', '(?![A-Za-z0-9+/=])'),
    // Inside a connection string the dedicated connection-string rules report it.
    validate: (secret, match) => is64ByteKey(secret) && !/;\s*AccountKey=$/i.test(match.input.slice(0, match.index + match[0].length - secret.length)) && !/cosmos/i.test(lineBefore(match) + match[0]),
    severity: 'error',
    envName: 'AZURE_STORAGE_KEY',
    remediation: KEY_ROTATE('the storage account > Security + networking > Access keys'),
    examples: {
      positive: [`AZURE_STORAGE_KEY=${key88('k1')}`, `storage_account_key: "${key88('k2')}"`],
      negative: [`AZURE_STORAGE_KEY=${chars(BASE64, 60, 'k3')}`, 'AZURE_STORAGE_KEY: ${{ secrets.AZURE_STORAGE_KEY }}'],
    },
  },
  {
    id: 'azure-cosmosdb-connection-string',
    title: 'Azure Cosmos DB connection string',
    provider: 'Azure',
    keywords: ['documents.azure.com', 'cosmos'],
    window: { before: 300, after: 300 },
    pattern:
      /(?:AccountEndpoint=https:\/\/[a-z0-9-]{3,50}\.documents\.azure\.(?:com|us|cn)(?::443)?\/?;AccountKey=|cosmos(?:db)?[_.-]?(?:primary[_.-]?|master[_.-]?|account[_.-]?)?key["'\]]{0,2}\s{0,8}[:=]\s{0,8}["']?)(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
    validate: (secret) => is64ByteKey(secret),
    severity: 'error',
    envName: 'COSMOS_CONNECTION_STRING',
    remediation: KEY_ROTATE('the Cosmos DB account > Settings > Keys'),
    examples: {
      positive: [
        `"CosmosDb": "AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=${key88('c1')};"`,
        `COSMOS=AccountEndpoint=https://x-db.documents.azure.com/;AccountKey=${key88('c2')}`,
      ],
      negative: ['AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_KEY}', 'AccountEndpoint=https://x.documents.azure.com:443/;AccountKey=...;'],
    },
  },
  {
    id: 'azure-service-bus-connection-string',
    title: 'Azure Service Bus / Event Hubs / Relay connection string',
    provider: 'Azure',
    keywords: ['sharedaccesskey='],
    window: { before: 400, after: 80 },
    pattern: /Endpoint=sb:\/\/[A-Za-z0-9.-]{1,120}\/?;SharedAccessKeyName=[^;"'\s]{1,256};SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/i,
    validate: is32ByteKey,
    severity: 'error',
    envName: 'SERVICEBUS_CONNECTION_STRING',
    remediation: KEY_ROTATE('the Service Bus or Event Hubs namespace (or the entity) > Shared access policies'),
    examples: {
      positive: [
        `"ServiceBus": "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key44('sb1')}"`,
        `EVENTHUB=Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${key44('sb2')};EntityPath=events`,
      ],
      negative: ['Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>', `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=${chars(BASE64, 20, 'sb3')}=`],
    },
  },
  {
    id: 'azure-iot-hub-connection-string',
    title: 'Azure IoT Hub connection string',
    provider: 'Azure',
    keywords: ['sharedaccesskey='],
    window: { before: 400, after: 80 },
    pattern: /HostName=[A-Za-z0-9.-]{1,120}\.azure-devices\.net;(?:DeviceId=[^;"'\s]{1,128};|SharedAccessKeyName=[^;"'\s]{1,256};){1,2}SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/i,
    validate: is32ByteKey,
    severity: 'error',
    envName: 'IOTHUB_CONNECTION_STRING',
    remediation: KEY_ROTATE('the IoT hub > Shared access policies (or the device > Regenerate keys)'),
    examples: {
      positive: [
        `HostName=plant.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${key44('iot1')}`,
        `conn = "HostName=plant.azure-devices.net;DeviceId=sensor-7;SharedAccessKey=${key44('iot2')}"`,
      ],
      negative: ['HostName=plant.azure-devices.net;DeviceId=sensor-7;SharedAccessKey=${DEVICE_KEY}', 'HostName=plant.azure-devices.net;DeviceId=sensor-7'],
    },
  },
  {
    id: 'azure-signalr-connection-string',
    title: 'Azure SignalR / Web PubSub connection string',
    provider: 'Azure',
    keywords: ['accesskey='],
    window: { before: 400, after: 80 },
    pattern: /Endpoint=https?:\/\/[A-Za-z0-9.-]{1,120}\.(?:service\.signalr\.net|webpubsub\.azure\.com)\/?;(?:[A-Za-z]{1,20}=[^;"'\s]{0,64};)?AccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/i,
    validate: is32ByteKey,
    severity: 'error',
    envName: 'AZURE_SIGNALR_CONNECTION_STRING',
    remediation: KEY_ROTATE('the SignalR or Web PubSub resource > Keys'),
    examples: {
      positive: [
        `Endpoint=https://chat.service.signalr.net;AccessKey=${key44('sr1')};Version=1.0;`,
        `"Azure:SignalR:ConnectionString": "Endpoint=https://hub.webpubsub.azure.com;AccessKey=${key44('sr2')};Version=1.0;"`,
      ],
      negative: ['Endpoint=https://chat.service.signalr.net;AuthType=azure.msi;Version=1.0;', 'Endpoint=https://chat.service.signalr.net;AccessKey=<key>;'],
    },
  },
  {
    id: 'azure-app-configuration-connection-string',
    title: 'Azure App Configuration connection string',
    provider: 'Azure',
    keywords: ['azconfig.io'],
    pattern: /Endpoint=https:\/\/[A-Za-z0-9.-]{1,120}\.azconfig\.io;Id=[^;"'\s]{1,64};Secret=(?<secret>[A-Za-z0-9+/]{43}=)/i,
    validate: is32ByteKey,
    severity: 'error',
    envName: 'APP_CONFIGURATION_CONNECTION_STRING',
    remediation: KEY_ROTATE('the App Configuration store > Settings > Access settings'),
    examples: {
      positive: [`Endpoint=https://settings.azconfig.io;Id=Ab1c-l0-s0:x;Secret=${key44('ac1')}`, `"AppConfig": "Endpoint=https://cfg.azconfig.io;Id=K9z2;Secret=${key44('ac2')}"`],
      negative: ['Endpoint=https://settings.azconfig.io', 'Endpoint=https://settings.azconfig.io;Id=x;Secret=${SECRET}'],
    },
  },
  {
    id: 'azure-communication-services-connection-string',
    title: 'Azure Communication Services connection string',
    provider: 'Azure',
    keywords: ['communication.azure.com'],
    pattern: /endpoint=https:\/\/[A-Za-z0-9.-]{1,120}\.communication\.azure\.com\/?;accesskey=(?<secret>[A-Za-z0-9+/]{86}==)/i,
    validate: is64ByteKey,
    severity: 'error',
    envName: 'COMMUNICATION_SERVICES_CONNECTION_STRING',
    remediation: KEY_ROTATE('the Communication Services resource > Keys'),
    examples: {
      positive: [`endpoint=https://mail.communication.azure.com/;accesskey=${key88('acs1')}`, `"Acs": "endpoint=https://sms.europe.communication.azure.com/;accesskey=${key88('acs2')}"`],
      negative: ['endpoint=https://mail.communication.azure.com/;accesskey=<key>', 'https://mail.communication.azure.com/'],
    },
  },
  {
    id: 'azure-redis-connection-string',
    title: 'Azure Cache for Redis access key',
    provider: 'Azure',
    keywords: ['redis.cache.windows.net', 'redis.azure.net'],
    pattern: /(?<![A-Za-z0-9-])[A-Za-z0-9-]{1,63}\.(?:redis\.cache\.windows\.net|[a-z0-9]{1,20}\.redis\.azure\.net)(?::\d{2,5})?,(?:[a-z]{1,20}=[^,"'\s]{0,40},){0,4}password=(?<secret>[A-Za-z0-9+/]{43}=)/i,
    validate: is32ByteKey,
    severity: 'error',
    envName: 'REDIS_CONNECTION_STRING',
    remediation: KEY_ROTATE('the cache > Settings > Authentication > Access keys'),
    examples: {
      positive: [`redis = "cache1.redis.cache.windows.net:6380,password=${key44('r1')},ssl=True,abortConnect=False"`, `REDIS=c2.redis.cache.windows.net:6380,ssl=True,password=${key44('r2')}`],
      negative: ['cache1.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True', 'cache1.redis.cache.windows.net:6380,ssl=True'],
    },
  },
  {
    id: 'azure-entra-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    provider: 'Azure',
    keywords: ['q~'],
    window: { before: 8, after: 40 },
    // Current format: 3 characters, a digit, "Q~", 31-34 more (40 in total).
    pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    minEntropy: 3.5,
    severity: 'error',
    envName: 'AZURE_CLIENT_SECRET',
    remediation: ENTRA_ROTATE,
    docsUrl: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
    examples: {
      positive: [`AZURE_CLIENT_SECRET=${entraSecret('e1')}`, `"clientSecret": "${entraSecret('e2')}"`],
      negative: [`AZURE_CLIENT_SECRET=${chars(ALNUM, 4, 'e3')}Q~${chars(ALNUM, 10, 'e4')}`, `value = ${chars(ALNUM, 3, 'e5')}aQ~${chars(ALNUM, 34, 'e6')}`],
    },
  },
  {
    id: 'azure-entra-client-secret-named',
    title: 'Microsoft Entra ID (Azure AD) client secret (by name)',
    provider: 'Azure',
    description: 'A value assigned to an Azure client-secret setting looks like an older-format Entra ID client secret.',
    keywords: ['client_secret', 'clientsecret', 'client-secret'],
    pattern: namedValue('(?:azure|arm|aad|entra|msal|az)[_.-]?(?:ad[_.-]?)?(?:app[_.-]?)?client[_.-]?secret', '[A-Za-z0-9_~.+/=-]{32,44}', '(?![A-Za-z0-9_~.+/=-])'),
    validate: (secret) => isMixedAlnum(secret) && !/Q~/.test(secret),
    minEntropy: 3.7,
    severity: 'error',
    envName: 'AZURE_CLIENT_SECRET',
    remediation: ENTRA_ROTATE,
    examples: {
      positive: [`AZURE_CLIENT_SECRET=${chars(ALNUM, 40, 'en1')}`, `var azureClientSecret = "${chars(BASE64, 44, 'en2')}"`],
      negative: ['AZURE_CLIENT_SECRET: ${{ secrets.AZURE_CLIENT_SECRET }}', `AZURE_CLIENT_ID=${chars('0123456789abcdef', 32, 'en3')}`, `AZURE_CLIENT_SECRET=${chars(ALNUM, 20, 'en4')}`],
    },
  },
  {
    id: 'azure-sas-token',
    title: 'Azure shared access signature (SAS) token',
    provider: 'Azure',
    description: 'A URL or string carries an Azure SAS signature; anyone holding it has the granted access until it expires.',
    keywords: ['sig='],
    window: { before: 600, after: 120 },
    pattern: /[?&;]sig=(?<secret>(?:[A-Za-z0-9+/]|%2[bBfF]){40,120}(?:%3[dD]|=){0,2})(?![A-Za-z0-9+/%=])/,
    validate: (secret, match) => {
      const query = around(match, 600);
      if (!/(?:^|[?&;"'\s])sv=\d{4}-\d{2}-\d{2}/.test(query) || !/[?&;]s[ep]=/.test(query)) return false;
      return decodeBase64(decodeURIComponent(secret))?.length === 32;
    },
    severity: 'error',
    envName: 'AZURE_STORAGE_SAS_TOKEN',
    remediation:
      'A SAS cannot be revoked on its own: rotate the storage account key that signed it (or revoke the user delegation keys, or delete the stored access policy it references), then issue short-lived SAS tokens from code with a user delegation key.',
    examples: {
      positive: [
        `https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=${encodeURIComponent(key44('sas1'))}`,
        `SAS="sv=2021-08-06&sr=c&sp=rl&se=2031-05-01&sig=${encodeURIComponent(key44('sas2'))}"`,
      ],
      negative: ['https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2030-01-01&sig=<signature>', `https://example.net/api?sig=${encodeURIComponent(key44('sas3'))}`],
    },
  },
  {
    id: 'azure-annotated-key',
    title: 'Azure key (common annotated format)',
    provider: 'Azure',
    description: 'An 84-character Azure key in Microsoft\'s common annotated format (the "JQQJ9" signature) is written in the file; the 4 letters at position 77 name the issuing service.',
    keywords: ['jqqj9'],
    window: { before: 60, after: 40 },
    pattern: /(?<![A-Za-z0-9_])(?<secret>[A-Za-z0-9]{52}JQQJ9[A-Za-z0-9]{19}(?!AZDO)[A-Z][A-Za-z]{3}[A-Za-z0-9]{4})(?![A-Za-z0-9_])/,
    severity: 'error',
    envName: 'AZURE_API_KEY',
    remediation: KEY_ROTATE('the resource that issued the key (its Keys / Access keys blade)'),
    examples: {
      positive: [
        `AZURE_OPENAI_API_KEY=${chars(ALNUM, 52, 'cask1')}JQQJ99${chars(ALNUM, 18, 'cask2')}ACOG${chars(ALNUM, 4, 'cask3')}`,
        `"key": "${chars(ALNUM, 52, 'cask4')}JQQJ99${chars(ALNUM, 18, 'cask5')}APIM${chars(ALNUM, 4, 'cask6')}"`,
      ],
      negative: [`key=${chars(ALNUM, 52, 'cask7')}JQQJ99${chars(ALNUM, 10, 'cask8')}`, 'JQQJ9 is the annotated key signature'],
    },
  },
  {
    id: 'azure-ai-services-key',
    title: 'Azure AI services / OpenAI / AI Search key',
    provider: 'Azure',
    keywords: ['azure_openai', 'azure-openai', 'azureopenai', 'openai.azure.com', 'cognitiveservices', 'ocp-apim-subscription-key', 'search.windows.net', 'azure_search', 'azure_ai'],
    window: { before: 300, after: 300 },
    pattern: namedValue('api[_.-]?key|subscription[_.-]?key|admin[_.-]?key|query[_.-]?key|openai[_.-]?key|search[_.-]?key', '[0-9a-f]{32}|[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{26}', '(?![A-Za-z0-9_])'),
    validate: (secret) => secret.length === 84 || /^[0-9a-f]{32}$/.test(secret),
    minEntropy: 3,
    severity: 'error',
    envName: 'AZURE_OPENAI_API_KEY',
    remediation: KEY_ROTATE('the AI services / OpenAI / Search resource > Keys and Endpoint'),
    examples: {
      positive: [`AZURE_OPENAI_API_KEY=${chars('0123456789abcdef', 32, 'ai1')}`, `endpoint = "https://x.openai.azure.com/"\napi_key = "${chars('0123456789abcdef', 32, 'ai2')}"`],
      negative: [`AZURE_OPENAI_API_KEY=${chars('0123456789abcdef', 20, 'ai3')}`, `api_key = "${chars('0123456789abcdef', 32, 'ai4')}"`],
    },
  },
  {
    id: 'azure-functions-key',
    title: 'Azure Functions access key in a URL',
    provider: 'Azure',
    keywords: ['azurewebsites.net'],
    window: { before: 20, after: 400 },
    pattern: /https:\/\/[A-Za-z0-9.-]{1,120}\.azurewebsites\.net\/[^\s"'?]{0,200}\?(?:[^\s"'#]{0,200}&)?code=(?<secret>[A-Za-z0-9_%/+-]{40,100}(?:%3D|=){0,2})/,
    validate: (secret) => isMixedAlnum(secret),
    minEntropy: 4,
    severity: 'error',
    envName: 'AZURE_FUNCTION_KEY',
    remediation:
      'In the Azure portal (Function App > App keys, or the function > Function keys) renew the leaked key, then pass keys in the x-functions-key header from a secret store, or protect the function with Entra ID authentication instead.',
    examples: {
      positive: [
        `POST https://orders-fn.azurewebsites.net/api/Submit?code=${chars(BASE64URL, 54, 'fn1')}==`,
        `url = "https://x.azurewebsites.net/api/hook?clientId=default&code=${chars(BASE64URL, 56, 'fn2')}"`,
      ],
      negative: ['https://orders-fn.azurewebsites.net/api/Submit?code=${FUNCTION_KEY}', 'https://orders-fn.azurewebsites.net/.auth/login/aad/callback?code=abc'],
    },
  },
];
