import { ApiError } from '../../lib/api-error';
import { splitFieldErrors } from './field-errors';

describe('splitFieldErrors', () => {
  it('puts each validation message under its input and keeps the rest for the alert', () => {
    const error = new ApiError('VALIDATION_FAILED', 'Check the highlighted fields.', 400, [
      { path: 'password', message: 'Too short' },
      { path: 'captcha', message: 'Missing' },
    ]);
    expect(splitFieldErrors(error, ['email', 'password'])).toEqual({
      byField: { password: 'Too short' },
      other: ['captcha: Missing'],
    });
  });

  it('summarises instead of repeating when every problem sits under an input', () => {
    const error = new ApiError('VALIDATION_FAILED', 'password: Too short', 400, [{ path: 'password', message: 'Too short' }]);
    expect(splitFieldErrors(error, ['password'])).toEqual({
      byField: { password: 'Too short' },
      other: [],
      summary: 'Please correct the highlighted fields.',
    });
  });

  it('finds nothing in errors that carry no field details', () => {
    expect(splitFieldErrors(new Error('boom'), ['email'])).toEqual({ byField: {}, other: [] });
    expect(splitFieldErrors(ApiError.network(), ['email'])).toEqual({ byField: {}, other: [] });
  });
});
