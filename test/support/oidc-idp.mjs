// A real OpenID Connect provider (oidc-provider) for the single sign-on tests, in a process of its own on
// 127.0.0.1 and a free port. Argument: the redirect URI of the Regula under test. Prints one line of JSON
// ({"issuer": ...}) once it listens. In-memory adapter, one confidential client, oidc-provider's own
// login form (plain HTML: works without JavaScript; any password), no consent prompt.
//
// Accounts (the login typed in the form):
//   sso-admin   admin@ino.test, e-mail verified
//   unverified  auditor@ino.test, e-mail NOT verified
//   stranger    stranger@ino.test, verified (no member of any tenant)
//   newcomer    newcomer@ino.test, verified (no member of any tenant)
//   wrong-aud   admin@ino.test, verified; its ID token is re-signed with another audience
//   wrong-iss   admin@ino.test, verified; its ID token is re-signed naming another issuer
// ID tokens live 60 seconds.
import { createServer } from 'node:http';
import { createSign, generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const redirectUri = process.argv[2];
if (!redirectUri) throw new Error('usage: oidc-idp.mjs <redirect uri>');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const ACCOUNTS = {
  'sso-admin': { email: 'admin@ino.test', email_verified: true, name: 'Ino Admin' },
  unverified: { email: 'auditor@ino.test', email_verified: false, name: 'Not Verified' },
  stranger: { email: 'stranger@ino.test', email_verified: true, name: 'A Stranger' },
  newcomer: { email: 'newcomer@ino.test', email_verified: true, name: 'New Comer' },
  'wrong-aud': { email: 'admin@ino.test', email_verified: true },
  'wrong-iss': { email: 'admin@ino.test', email_verified: true },
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

/** What the misbehaving accounts' ID tokens say instead. */
const TAMPER = {
  'wrong-aud': (p) => ({ ...p, aud: 'another-client' }),
  'wrong-iss': (p) => ({ ...p, iss: `${issuer}/another-issuer` }),
};

const provider = new Provider(issuer, {
  clients: [{ client_id: 'regula', client_secret: 'regula-test-secret', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
  jwks: { keys: [jwk] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The ID token carries the claims of the scopes granted, not only the userinfo endpoint.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  ttl: { IdToken: 60, AccessToken: 60, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
  // Every scope granted at once: no consent page.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  cookies: { keys: ['test-only-cookie-key-of-the-sso-suite'] },
});

provider.use(async (ctx, next) => {
  await next();
  const body = ctx.body;
  if (ctx.path !== '/token' || !body || typeof body.id_token !== 'string') return;
  const [header, payload] = body.id_token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const tamper = TAMPER[claims.sub];
  if (!tamper) return;
  const input = `${header}.${Buffer.from(JSON.stringify(tamper(claims))).toString('base64url')}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url');
  ctx.body = { ...body, id_token: `${input}.${signature}` };
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
