import { unavailableDependency } from './unavailable-dependency';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** The shape TypeORM gives a failed query: its own error around the driver's. */
const queryFailed = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('telling an unreachable dependency from a bug', () => {
  it.each([
    ['a refused connection to PostgreSQL', queryFailed(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))],
    ['a server shutting down', queryFailed(withCode('terminating connection due to administrator command', '57P01'))],
    ['too many connections', queryFailed(withCode('sorry, too many clients already', '53300'))],
    ['a connection failure (SQLSTATE class 08)', queryFailed(withCode('connection failure', '08006'))],
    ['a dropped pool connection', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
  ])('reads %s as the database being unreachable', (_label, error) => {
    expect(unavailableDependency(error)).toBe('database');
  });

  it.each([
    ['ioredis giving up on a command', Object.assign(new Error('Reached the max retries per request limit (which is 3).'), { name: 'MaxRetriesPerRequestError' })],
    ['a closed Redis connection', new Error('Connection is closed.')],
    ['a reset Redis socket', withCode('read ECONNRESET', 'ECONNRESET')],
  ])('reads %s as Redis being unreachable', (_label, error) => {
    expect(unavailableDependency(error)).toBe('redis');
  });

  it.each([
    ['a unique violation', queryFailed(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'boom'],
    ['nothing', undefined],
  ])('leaves %s to be a 500', (_label, error) => {
    expect(unavailableDependency(error)).toBeNull();
  });
});
