import { JwtService } from '@nestjs/jwt';
import { AccessTokens } from './access-tokens.service';
import type { AuthUser } from './auth-user';
import type { TokenDenylist } from './token-denylist.service';
import type { UsersService } from './users.service';

const USER_ID = '0b9a3c1e-5d2f-4a8b-9c7d-1e2f3a4b5c6d';
const user: AuthUser = { id: USER_ID, email: 'a@b.test', displayName: 'a', isPlatformAdmin: false, mustChangePassword: false, memberships: [] };

/** The suite's own "now": the tests do not depend on the day they run. */
const NOW = new Date('2026-11-22T10:00:30.000Z');

function setup(now: () => Date = () => NOW) {
  const jwt = new JwtService({ secret: 'x'.repeat(40), signOptions: { expiresIn: 3600, algorithm: 'HS256' } });
  const denied = new Map<string, number>();
  let validAfter: Date | null = null;
  const users = { loadTokenHolder: async (id: string, issuedAtMs: number) => (id === USER_ID && !(validAfter && issuedAtMs < validAfter.getTime()) ? user : null) };
  const denylist = { add: async (jti: string, exp: number) => void denied.set(jti, exp), has: async (jti: string) => denied.has(jti) };
  const tokens = new AccessTokens(jwt, users as unknown as UsersService, denylist as unknown as TokenDenylist, now);
  return { jwt, tokens, denied, setValidAfter: (d: Date) => (validAfter = d) };
}

describe('access tokens', () => {
  it('carry a jti and a millisecond issue time; a signed-out token is refused until it expires', async () => {
    const { tokens, denied } = setup();
    const at = new Date('2026-11-22T10:00:00.123Z');
    const token = await tokens.issue(USER_ID, at);
    const signedIn = await tokens.verify(token);
    expect(signedIn?.user.id).toBe(USER_ID);
    expect(signedIn!.token.issuedAt).toBe(at.getTime());
    await tokens.revoke(signedIn!.token);
    expect(denied.get(signedIn!.token.jti)).toBe(signedIn!.token.exp);
    expect(await tokens.verify(token)).toBeNull();
    // Another token of the same user is not touched.
    expect(await tokens.verify(await tokens.issue(USER_ID))).not.toBeNull();
  });

  it("refuses tokens issued before the user's tokens_valid_after, but not one issued at that instant", async () => {
    const { tokens, setValidAfter } = setup();
    const before = await tokens.issue(USER_ID, new Date('2026-11-22T10:00:00.122Z'));
    const cut = new Date('2026-11-22T10:00:00.123Z');
    setValidAfter(cut);
    expect(await tokens.verify(before)).toBeNull();
    expect(await tokens.verify(await tokens.issue(USER_ID, cut))).not.toBeNull();
  });

  it('refuses tokens without an id, of another type, or not signed with the secret', async () => {
    const { jwt, tokens } = setup();
    expect(await tokens.verify(jwt.sign({ sub: USER_ID, typ: 'access' }))).toBeNull();
    expect(await tokens.verify(jwt.sign({ sub: USER_ID, typ: 'refresh', jti: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }))).toBeNull();
    const other = new JwtService({ secret: 'y'.repeat(40) }).sign({ sub: USER_ID, typ: 'access', jti: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' }, { expiresIn: 60 });
    expect(await tokens.verify(other)).toBeNull();
    expect(await tokens.verify('not.a.token')).toBeNull();
  });

  it('expires a token one lifetime (3600 s) after it was issued, by the injected clock', async () => {
    let now = NOW;
    const { tokens } = setup(() => now);
    const token = await tokens.issue(USER_ID);
    now = new Date(NOW.getTime() + 3599_000);
    expect(await tokens.verify(token)).not.toBeNull();
    now = new Date(NOW.getTime() + 3601_000);
    expect(await tokens.verify(token)).toBeNull();
  });

  it('fails closed when the denylist cannot be read', async () => {
    const jwt = new JwtService({ secret: 'x'.repeat(40), signOptions: { expiresIn: 3600 } });
    const broken = { add: async () => undefined, has: async () => Promise.reject(new Error('Redis down')) };
    const tokens = new AccessTokens(jwt, { loadTokenHolder: async () => user } as unknown as UsersService, broken as unknown as TokenDenylist, () => NOW);
    expect(await tokens.verify(await tokens.issue(USER_ID))).toBeNull();
  });
});
