import { performance } from 'node:perf_hooks';
import { expectError, registerAccount, type ApiResponse } from './support/auth-helpers';
import { chanceSpread, median, probabilityOfSuperiority } from './support/distributions';
import { httpClient, uniqueEmail, type HttpClient } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const WRONG_PASSWORD = 'not the password 1';
const ROUNDS = 80;
/** How many chance spreads the two timing sets may differ by; 5 makes a false alarm about one in a million runs. */
const ALLOWED_SPREADS = 5;

describe('auth: login timing does not reveal which emails are registered', () => {
  let app: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    // Limits out of the way: this is about the time a refusal takes, not about throttling.
    app = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: '100000', LOGIN_MAX_FAILURES_PER_IP: '100000', LOGIN_SLOWDOWN_AFTER_FAILURES: '100000' });
    http = httpClient(app.url);
  });
  afterAll(() => app.close());

  async function timedRefusal(email: string): Promise<number> {
    const started = performance.now();
    const response: ApiResponse = await http.post('/api/auth/login', { body: { email, password: WRONG_PASSWORD } });
    const elapsed = performance.now() - started;
    expectError(response, 401, 'UNAUTHENTICATED');
    return elapsed;
  }

  it('refuses a wrong password for a registered email and any password for an unknown one in indistinguishable times', async () => {
    const { email } = await registerAccount(http, 'timed');
    for (let i = 0; i < 3; i += 1) {
      await timedRefusal(email);
      await timedRefusal(uniqueEmail('warm-up'));
    }

    // Interleaved (ABBA), so a burst of load on the machine falls on both kinds alike.
    const registered: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        registered.push(await timedRefusal(email));
        unknown.push(await timedRefusal(uniqueEmail('probe')));
      } else {
        unknown.push(await timedRefusal(uniqueEmail('probe')));
        registered.push(await timedRefusal(email));
      }
    }

    // 0.5 when neither kind tends to take longer. Before the fix every registered-email refusal (argon2 ran)
    // was slower than every unknown-email one (argon2 skipped): 1.0.
    const superiority = probabilityOfSuperiority(registered, unknown);
    const withinChance = Math.abs(superiority - 0.5) <= ALLOWED_SPREADS * chanceSpread(registered.length, unknown.length);
    const report = { withinChance, superiority, registeredMedianMs: median(registered), unknownMedianMs: median(unknown) };
    expect(report).toEqual({ ...report, withinChance: true });
  });
});
