import { PASSWORD_RULES } from '@storyos/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { sessionStore } from '../../../lib/session-store';
import { renderRoutes } from '../../../test/render-with-providers';
import { RegisterPage } from './register-page';

const respond = (status: number, body: unknown) => ({ status, ok: status < 300, text: async () => JSON.stringify(body) });

describe('the register page', () => {
  beforeEach(() => sessionStore.clear(null));

  it('shows the API’s field problems under the matching inputs', async () => {
    global.fetch = jest.fn(async () =>
      respond(400, {
        code: 'VALIDATION_FAILED',
        message: `password: ${PASSWORD_RULES}`,
        details: [{ path: 'password', message: PASSWORD_RULES }],
        requestId: 'req-1',
      }),
    ) as unknown as typeof fetch;
    renderRoutes([{ path: '/register', element: <RegisterPage /> }], '/register');

    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText(/^Password/, { selector: 'input' }), { target: { value: 'weak' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText(/^Password/, { selector: 'input' });
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    // The message is tied to the input, so a screen reader reads it with the field.
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(screen.getByText(PASSWORD_RULES).id);
    expect(screen.getByRole('alert').textContent).toContain('Please correct the highlighted fields.');
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('false');

    const [url, init] = (global.fetch as jest.Mock).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/auth/register');
    // A blank display name is left out rather than sent empty.
    expect(JSON.parse(init.body as string)).toEqual({ email: 'ada@example.com', password: 'weak' });
  });
});
