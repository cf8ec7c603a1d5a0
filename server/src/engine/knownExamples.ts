/**
 * Values published in providers' own documentation as examples (the Kubernetes Secret tutorial's
 * base64 password, Stripe's public docs test key, AWS's example secret key and its variants, the
 * OAuth RFCs' example tokens and secrets, the Azure Storage and Cosmos DB emulators' keys). They
 * appear in countless READMEs and tutorials and grant nothing, so they are never findings. Stored as
 * SHA-256 so the bundle holds no secret-shaped literal.
 */
import { createHash } from 'node:crypto';

const KNOWN_EXAMPLE_HASHES = new Set([
  // Kubernetes docs: Secret `mysecret`, data.password and its decoded value.
  'a7b580d711ef2807c7f11d881a1e7ff8a68c7e7d4e7c14e217bc9c522e3678ba',
  '13fe7a38a57c46053ee3a4716358619ff37ebc5674976f1a09fc189be5a3e5dd',
  // OAuth 2.0 (RFC 6749, RFC 6750) examples: tokens, authorization code, client secret and its Basic
  // credentials; OAuth 1.0 (RFC 5849) consumer keys and secrets, tokens and token secrets. Libraries
  // quote them in docstrings and tests.
  '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c',
  '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32',
  'a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f',
  'ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981',
  '53f5da0aaa93d64cd5772c554cbf940f0539e689dddbeb8f923eec3f72c02ea9',
  '9e309cccd311ea64d04133daf7760f71f38a566db7aa98b71e043ede9325680f',
  'b8e148545b13c78bc74da2f1a7275dd71e56ddece129d7d2f7b3ecc06f7994da',
  '293257ab6495ebb11cf9e4aee0686ca30df8de2ab8d251f2cbbcf177bdfcae91',
  'cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53',
  '4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb',
  '6aa14267d94944e6b6483c81f5ad37f87bbc7e88aa368d4aba1e71e0b79cd8c4',
  'bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72',
  '649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595',
  '80f8b7c904d4a43f3b7036db73247daafe15b3f647b337d19031ff67b7c1a177',
  '2ff8b0fb93aca981c78f1e94355c298c23435461f1072ef4674848e620371787',
  // RFC 5849 section 3.5.1's Authorization header example: consumer key, token, nonce, signature.
  '8d567eb88afff34f31ab97fbb2731e582703bdeaf3c92b989cf568e0b23cef31',
  '9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42',
  '969d6377769fd9dd3b42fd4f4811f196e26603c63878fc0805ea483b4d0bf795',
  'd9a350d2f2ae0efd25c54953065c7c2f2b005426a9ad8f4bdd5edbc322d98e2c',
  'c4ad638fad0d7ca4e1833dbebb075155fec718679e6a055fffb09e765592b003',
  // Microsoft's published development keys: the Azurite / Storage Emulator account key
  // (devstoreaccount1) and the Azure Cosmos DB Emulator key. They open only the local emulators.
  '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059',
  'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615',
  // Hardhat / Anvil default development accounts #0 to #2 (private keys printed by `npx hardhat node`).
  'bc1a50966c9e6486bc4ebf880b51611a2a97fcb8e7a6976e9b81a9e3e8ca0e3c',
  '8335c55334821eefd4334369ff9c04a8594f161013cf9d87f58802d87297837e',
  'b26ab6529d20ebebb4192256f202984754f785481c64b1a1aed58cac93b3617e',
  // Slack's documentation example signing secret (request verification guide).
  '6adbfd178516c8efe5896d4d0d66d2704d167cbb4ca881efde33af658d39826f',
  // The bot token of Telegram's Bot API documentation (`123456:ABC-DEF…`), copied into many samples.
  '731fa294d036e54f19df879bfcd4fe72d967dc6327800c5f74a48414a3f258c9',
  // Google reCAPTCHA's published test secret key, and the TOTP example secret of countless docs.
  'f5e95c9954635b65acab57e6d5ea663eb900f06dc8794a90358f5abb1c77d4e0',
  '8be5d113c0871ce1a122d68a7dff940ab7b09ad8dfcfd9a85aa5c1acc026279e',
  // 1Password's service-account documentation: the decoded example token's symmetric key (`muk.k`).
  '0f432205b4c94878cc4fe86d274e50aa9f64369a3c88efb7dcafb873af163783',
  // RFC 8032 (Ed25519) test vectors 1 to 3: the secret keys every Ed25519 library's tests hold.
  '099da475a54aacbacabde231639eed7b00b0a9359cddd2598004bd8b8ad23237',
  '80cd0406a778128b9b92931b4e89f5370c1b63657d3caf6ba051d19d60eea156',
  'dfdcf400fd38f3bc807fd3ea4113c2fb8265ed76a07327e84bb36cbeadfe6b21',
  // Stripe API reference test keys shown to every reader.
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326',
  'f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397',
]);

/** SHA-256 of the first 21 characters of AWS's documented example secret access key. */
const AWS_EXAMPLE_SECRET_PREFIX = '6cc566d548737f8ee3b4a8471cd786d86365fb56d9863bb0c506ad99c19b2c1d';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function isKnownDocumentationExample(value: string): boolean {
  // A connection string holding a known key (`…;AccountKey=<the emulator's key>;…`).
  const accountKey = /AccountKey=([A-Za-z0-9+/=]{20,120})/.exec(value);
  if (accountKey && KNOWN_EXAMPLE_HASHES.has(sha256(accountKey[1]))) return true;
  if (value.length > 200) return false;
  if (KNOWN_EXAMPLE_HASHES.has(sha256(value))) return true;
  // Hex keys are written with or without `0x`.
  if (/^0x[0-9a-fA-F]{64}$/.test(value) && KNOWN_EXAMPLE_HASHES.has(sha256(value.slice(2)))) return true;
  return value.length === 40 && sha256(value.slice(0, 21)) === AWS_EXAMPLE_SECRET_PREFIX;
}
